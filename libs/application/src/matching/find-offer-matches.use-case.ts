import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OfferStatus } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { assertMayActAsDonor } from '../organizations/donor-vetting.policy';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { RateLimiter } from '../ports/rate-limiter.port';
import { MatchCandidateFinder, type MatchingOffer } from './match-candidate-finder.port';
import { discloseOfferMatch, type DisclosedOfferMatch } from './offer-match-disclosure';
import type { OfferMatchResult } from './offer-match.model';
import { rankOfferCandidates } from './rank-offer-candidates';

export const DEFAULT_OFFER_MATCHES = 20;
export const MAX_OFFER_MATCHES = 100;

/** Statuses in which an offer can still go to someone: a draft is previewed, an open one is live. */
const MATCHABLE_STATUSES: ReadonlySet<OfferStatus> = new Set([OfferStatus.DRAFT, OfferStatus.PUBLISHED, OfferStatus.PARTIALLY_CLAIMED]);

export interface FindOfferMatchesQuery {
  readonly actor: Actor | undefined;
  readonly offerId: string;
  readonly first?: number | null;
}

/**
 * Recipients an offer should go to, best first: `offerMatches` for the donor's members (who see
 * each match as a donor may, see offer-match-disclosure) and platform admins (who see it all), and
 * `rankedMatches` for the worker's broadcast cascade (no caller to authorise there).
 *
 * Each call ranks every recipient around the offer and tells who can take it: it is counted per
 * account (RateLimiter 'offerMatches'), so nobody can sweep the recipients' data with it.
 */
@Injectable()
export class FindOfferMatches {
  constructor(
    private readonly finder: MatchCandidateFinder,
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
  ) {}

  async execute(query: FindOfferMatchesQuery): Promise<DisclosedOfferMatch[]> {
    const actor = query.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    await this.limiter.consume('offerMatches', actor.userId);
    const first = query.first ?? DEFAULT_OFFER_MATCHES;
    if (!Number.isInteger(first) || first < 1 || first > MAX_OFFER_MATCHES) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_OFFER_MATCHES });
    }
    const offer = await this.finder.findOffer(query.offerId);
    // As for the other offer operations (withdraw, publish): unknown is NOT_FOUND, someone else's FORBIDDEN.
    if (offer === undefined) throw new DomainError('NOT_FOUND', 'offerId');
    if (actor.platformAdmin) return (await this.rank(offer, first)).map((match) => discloseOfferMatch(match, 'FULL'));
    await this.authorizer.assertActsFor(actor, offer.donorOrganizationId, [MemberRole.ADMIN, MemberRole.STAFF]);
    // Until a platform admin has checked the donor, it cannot see which charities an offer would reach.
    assertMayActAsDonor(await this.organizations.findById(offer.donorOrganizationId), 'offerId');
    return (await this.rank(offer, first)).map((match) => discloseOfferMatch(match, 'DONOR'));
  }

  /**
   * Every eligible recipient of the offer (or the best `limit`), ranked, with score and reasons.
   * For internal callers only: it does not check who asks. Empty for an unknown offer or one that
   * can no longer go to anyone (claimed, withdrawn, expired, window over).
   */
  async rankedMatches(offerId: string, limit?: number): Promise<OfferMatchResult[]> {
    const offer = await this.finder.findOffer(offerId);
    if (offer === undefined) return [];
    return this.rank(offer, limit);
  }

  private async rank(offer: MatchingOffer, limit?: number): Promise<OfferMatchResult[]> {
    const now = this.clock.now();
    if (!MATCHABLE_STATUSES.has(offer.status) || offer.pickupUntil.getTime() <= now.getTime()) return [];
    const candidates = await this.finder.candidatesForOffer(offer, now);
    const ranked = rankOfferCandidates(offer, candidates, now);
    return limit === undefined ? ranked : ranked.slice(0, limit);
  }
}
