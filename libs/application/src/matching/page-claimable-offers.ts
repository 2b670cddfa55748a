import { SCORE_BOUND_SLACK, scoreBoundTerms } from '#matching';
import {
  compareByCursorOrder,
  encodeClaimableOfferCursor,
  highestScoreKey,
  lowestScoreAboveKey,
  scoreKey,
  type ClaimableOfferCursor,
} from './claimable-offer-cursor';
import type { ClaimableOfferCandidates, ClaimableOffersSnapshot, OfferCandidate } from './match-candidate-finder.port';
import { discloseOfferMatch, type DisclosedOfferMatch } from './offer-match-disclosure';
import type { OfferMatchResult } from './offer-match.model';
import { rankOfferCandidates } from './rank-offer-candidates';

export interface OfferMatchEdge {
  /** The recipient's own matches: it reads every reason (FULL disclosure). */
  readonly node: DisclosedOfferMatch;
  readonly cursor: string;
}

export interface OfferMatchConnection {
  readonly edges: readonly OfferMatchEdge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

export const EMPTY_OFFER_MATCH_CONNECTION: OfferMatchConnection = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** Candidates read per query: a few pages' worth, so that one query nearly always settles a page. */
const READ_AHEAD_PAGES = 4;

interface RankedOffer {
  readonly match: OfferMatchResult;
  readonly position: ClaimableOfferCursor;
}

/**
 * One page of a recipient's claimable offers: the offers the engine keeps for it, in the engine's
 * order (score descending on its 1e-9 grid, then offer id ascending), after the cursor.
 *
 * Ranking every open offer in reach for every page costs as much as ranking them all: thousands in a
 * city. Instead the database bounds each offer's score (libs/matching, matchScoreBounds, for each of
 * the recipient's sites in reach) and hands the candidates over by upper bound, best first; the
 * engine ranks them a chunk at a time, only until the page is certain:
 *  - an offer not ranked yet scores at most the upper bound of the next candidate (they come by upper
 *    bound descending, and an offer scores at most the greatest upper bound of its sites): once
 *    first + 1 offers after the cursor score strictly above it, none of the others can come among
 *    them, so the page and whether another follows are known;
 *  - an offer whose every site has a lower bound above the cursor's score certainly ranks before the
 *    cursor (an earlier page showed it): the database leaves those pairs out, so a deep page ranks
 *    about as many offers as the first. Upper bounds alone could not skip them: an offer read early
 *    may score low and belong to any later page.
 * Bounds meet scores with SCORE_BOUND_SLACK of room: the database computes them with the same
 * operations in another order. The engine decides every offer shown, its score and its reasons.
 */
export async function pageClaimableOffers(
  snapshot: ClaimableOffersSnapshot,
  now: Date,
  first: number,
  after: ClaimableOfferCursor | undefined,
): Promise<OfferMatchConnection> {
  // The engine offers nothing to a recipient a platform admin has not verified (its first rule),
  // and matchScoreBounds gives such a recipient no bounds.
  if (!snapshot.recipient.verified) return EMPTY_OFFER_MATCH_CONNECTION;
  const terms = scoreBoundTerms(snapshot.recipient);
  const skipLowerAbove = after === undefined ? null : lowestScoreAboveKey(after.scoreKey, SCORE_BOUND_SLACK);
  const ranked: RankedOffer[] = [];
  const read = new Set<string>();
  let offset = 0;
  let limit = READ_AHEAD_PAGES * (first + 1);
  for (;;) {
    const pairs = await snapshot.boundedCandidates({ terms, skipLowerAbove, limit, offset });
    let next = 0;
    while (next < pairs.length) {
      const nextUpper = pairs[next]?.upper ?? 0;
      if (ranked.length > first && (ranked[first]?.position.scoreKey ?? 0) > highestScoreKey(nextUpper, SCORE_BOUND_SLACK)) {
        return toConnection(ranked, first, true);
      }
      const chunk: string[] = [];
      for (; next < pairs.length && chunk.length <= first; next += 1) {
        const offerId = pairs[next]?.offerId;
        if (offerId === undefined || read.has(offerId)) continue;
        read.add(offerId);
        chunk.push(offerId);
      }
      if (chunk.length === 0) continue;
      ranked.push(...rankAfter(await snapshot.candidates(chunk), now, after));
      ranked.sort((a, b) => compareByCursorOrder(a.position, b.position));
    }
    if (pairs.length < limit) return toConnection(ranked, first, ranked.length > first);
    offset += pairs.length;
    limit *= 2;
  }
}

/** Each offer assessed by the engine for this recipient alone, its best site kept, if after the cursor. */
function rankAfter(found: ClaimableOfferCandidates, now: Date, after: ClaimableOfferCursor | undefined): RankedOffer[] {
  const byOffer = new Map<string, OfferCandidate[]>();
  for (const candidate of found.offers) {
    const list = byOffer.get(candidate.offer.id);
    if (list === undefined) byOffer.set(candidate.offer.id, [candidate]);
    else list.push(candidate);
  }
  const ranked: RankedOffer[] = [];
  for (const candidates of byOffer.values()) {
    const offer = candidates[0]?.offer;
    if (offer === undefined) continue;
    const pairings = candidates.map(({ site, distanceKm }) => ({ recipient: found.recipient, site, distanceKm }));
    const best = rankOfferCandidates(offer, pairings, now)[0];
    if (best === undefined) continue;
    const position = { scoreKey: scoreKey(best.score), offerId: offer.id };
    if (after === undefined || compareByCursorOrder(position, after) > 0) ranked.push({ match: best, position });
  }
  return ranked;
}

function toConnection(ranked: readonly RankedOffer[], first: number, hasNextPage: boolean): OfferMatchConnection {
  const edges = ranked.slice(0, first).map((entry) => ({ node: discloseOfferMatch(entry.match, 'FULL'), cursor: encodeClaimableOfferCursor(entry.position) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
