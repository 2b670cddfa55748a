import { compareByCursorOrder, encodeClaimableOfferCursor, scoreKey, type ClaimableOfferCursor } from './claimable-offer-cursor';
import type { ClaimableOfferCandidates, OfferCandidate } from './match-candidate-finder.port';
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

/**
 * One page of a recipient's claimable offers from the candidates the finder loaded: each offer is
 * assessed by the engine for this recipient alone (its best site kept), then the page after the
 * cursor is cut from the (score desc, offer id asc) order. Pure, so that the API benchmark's bare
 * server does exactly the same work.
 */
export function pageClaimableOffers(found: ClaimableOfferCandidates, now: Date, first: number, after: ClaimableOfferCursor | undefined): OfferMatchConnection {
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
