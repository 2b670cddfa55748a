import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { MembershipRepository } from '../organizations/membership-repository.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';

/**
 * Who may read the live map: platform admins, and members (any role) of an organisation a platform
 * admin has verified. The map places every verified recipient's sites and every open offer in a
 * region; an account anyone can create in a minute, or an organisation nobody has checked yet, must
 * not be able to sweep that.
 */
@Injectable()
export class MapAccessPolicy {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  /** Throws FORBIDDEN unless the actor may read the map. */
  async assertMayRead(actor: Actor): Promise<void> {
    if (actor.platformAdmin) return;
    const memberships = await this.memberships.listForUsers([actor.userId]);
    if (memberships.length > 0) {
      const organizations = await this.organizations.findByIds(memberships.map((membership) => membership.organizationId));
      if (organizations.some((organization) => organization.verifiedAt !== null)) return;
    }
    throw new DomainError('FORBIDDEN');
  }
}
