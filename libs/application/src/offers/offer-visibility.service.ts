import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { MembershipRepository } from '../organizations/membership-repository.port';
import type { OfferVisibility } from './offer-repository.port';

/**
 * What of the offers a caller may read (see OfferVisibility). Anonymous callers read nothing:
 * offers name donors and their sites, which only members of the platform should see.
 */
@Injectable()
export class OfferVisibilityPolicy {
  constructor(private readonly memberships: MembershipRepository) {}

  async of(actor: Actor | undefined): Promise<OfferVisibility> {
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    if (actor.platformAdmin) return { kind: 'all' };
    const memberships = await this.memberships.listForUsers([actor.userId]);
    return { kind: 'member', organizationIds: memberships.map((membership) => membership.organizationId) };
  }
}
