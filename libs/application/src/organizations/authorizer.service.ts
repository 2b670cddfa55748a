import { Injectable } from '@nestjs/common';
import { DomainError, type MemberRole } from '#domain';
import type { Actor } from '../auth/actor';
import { MembershipRepository } from './membership-repository.port';

/**
 * The membership rule every entry point shares: may this actor act for this organisation in one
 * of these roles. The API's guard calls it for operations that name the organisation in their
 * arguments; use cases that find the organisation only after loading something call it themselves.
 *
 * An unknown organisation and one the actor does not belong to get the same FORBIDDEN, so the
 * answer never tells an outsider which ids exist. Platform admins are not members: they vet
 * organisations, they do not act for them. An account that has not verified its address acts for
 * nobody (EMAIL_NOT_VERIFIED), whatever memberships it holds.
 */
@Injectable()
export class Authorizer {
  constructor(private readonly memberships: MembershipRepository) {}

  /** The actor's role in the organisation, if it is one of `roles`; undefined otherwise. */
  async roleFor(actor: Actor | undefined, organizationId: string, roles: readonly MemberRole[]): Promise<MemberRole | undefined> {
    if (actor === undefined || !actor.emailVerified) return undefined;
    const role = await this.memberships.roleOf(actor.userId, organizationId);
    return role !== undefined && roles.includes(role) ? role : undefined;
  }

  /** Throws UNAUTHENTICATED without an actor, FORBIDDEN when it may not act for the organisation. */
  async assertActsFor(actor: Actor | undefined, organizationId: string, roles: readonly MemberRole[]): Promise<MemberRole> {
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    if (!actor.emailVerified) throw new DomainError('EMAIL_NOT_VERIFIED', 'authorization');
    const role = await this.roleFor(actor, organizationId, roles);
    if (role === undefined) throw new DomainError('FORBIDDEN');
    return role;
  }
}
