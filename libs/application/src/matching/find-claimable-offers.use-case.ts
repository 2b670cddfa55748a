import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OrganizationKind } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { compareByCursorOrder, decodeClaimableOfferCursor, encodeClaimableOfferCursor, scoreKey, type ClaimableOfferCursor } from './claimable-offer-cursor';
import { MatchCandidateFinder, type OfferCandidate } from './match-candidate-finder.port';
import { discloseOfferMatch, type DisclosedOfferMatch } from './offer-match-disclosure';
import type { OfferMatchResult } from './offer-match.model';
import { rankOfferCandidates } from './rank-offer-candidates';

export const DEFAULT_CLAIMABLE_PAGE_SIZE = 20;
export const MAX_CLAIMABLE_PAGE_SIZE = 100;

export interface FindClaimableOffersQuery {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface OfferMatchEdge {
  /** The recipient's own matches: it reads every reason (FULL disclosure). */
  readonly node: DisclosedOfferMatch;
  readonly cursor: string;
}

export interface OfferMatchConnection {
  readonly edges: readonly OfferMatchEdge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * The offers a recipient may claim now, best match first, by the same engine as offerMatches: each
 * open offer near one of its sites is assessed for this recipient alone. Pages walk (score desc,
 * offer id asc); the score moves with time (urgency), so a later page reflects the scores of the
 * moment it is asked for — an offer whose score rose past the cursor meanwhile is not shown twice,
 * it may be skipped until the list is read again from the start.
 */
@Injectable()
export class FindClaimableOffers {
  constructor(
    private readonly finder: MatchCandidateFinder,
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: FindClaimableOffersQuery): Promise<OfferMatchConnection> {
    const first = query.first ?? DEFAULT_CLAIMABLE_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_CLAIMABLE_PAGE_SIZE) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_CLAIMABLE_PAGE_SIZE });
    }
    const after = query.after === undefined || query.after === null ? undefined : decodeClaimableOfferCursor(query.after);
    await this.authorizer.assertActsFor(query.actor, query.organizationId, [MemberRole.ADMIN, MemberRole.STAFF]);

    const now = this.clock.now();
    const found = await this.finder.claimableFor(query.organizationId, now);
    if (found === undefined) {
      const organization = await this.organizations.findById(query.organizationId);
      if (organization?.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
      // A recipient that has not said what it can take yet has nothing to claim.
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    }

    const byOffer = new Map<string, OfferCandidate[]>();
    for (const candidate of found.offers) {
      const list = byOffer.get(candidate.offer.id);
      if (list === undefined) byOffer.set(candidate.offer.id, [candidate]);
      else list.push(candidate);
    }
    const ranked: Array<{ match: OfferMatchResult; position: ClaimableOfferCursor }> = [];
    for (const candidates of byOffer.values()) {
      const offer = candidates[0]?.offer;
      if (offer === undefined) continue;
      const pairings = candidates.map(({ site, distanceKm }) => ({ recipient: found.recipient, site, distanceKm }));
      const best = rankOfferCandidates(offer, pairings, now)[0];
      if (best !== undefined) ranked.push({ match: best, position: { scoreKey: scoreKey(best.score), offerId: offer.id } });
    }
    ranked.sort((a, b) => compareByCursorOrder(a.position, b.position));

    const start = after === undefined ? 0 : ranked.findIndex((entry) => compareByCursorOrder(entry.position, after) > 0);
    const rest = start < 0 ? [] : ranked.slice(start);
    const edges = rest.slice(0, first).map((entry) => ({ node: discloseOfferMatch(entry.match, 'FULL'), cursor: encodeClaimableOfferCursor(entry.position) }));
    return { edges, pageInfo: { hasNextPage: rest.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
