import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole } from '#domain';
import { hashOpaqueToken, newOpaqueToken } from '../accounts/opaque-token';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { MembershipRepository } from '../organizations/membership-repository.port';
import { CalendarFeedRepository } from './calendar-feed-repository.port';

/**
 * Gives a driver a new private calendar-feed secret (calendar apps cannot send a bearer token, so the
 * secret is the URL). Issuing again revokes the previous secret: that is how a leaked URL is replaced.
 * The secret is returned once and stored only as its hash.
 */
@Injectable()
export class IssueCalendarFeed {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly feeds: CalendarFeedRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor | undefined): Promise<{ readonly token: string }> {
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const memberships = await this.memberships.listForUsers([actor.userId]);
    if (!memberships.some((membership) => membership.role === MemberRole.DRIVER)) throw new DomainError('NOT_A_DRIVER');
    const token = newOpaqueToken();
    await this.feeds.replace(actor.userId, hashOpaqueToken(token), this.clock.now());
    return { token };
  }
}
