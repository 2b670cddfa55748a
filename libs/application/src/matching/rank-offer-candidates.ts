import { matchOffer, type RankedMatch } from '#matching';
import type { MatchingOffer, MatchingRecipient, MatchingSite } from './match-candidate-finder.port';
import { candidateKey, ReceivingWindowResolver, toMatchableOffer, toMatchCandidate } from './matching-context.builder';
import type { OfferMatchResult } from './offer-match.model';

export interface SitePairing {
  readonly recipient: MatchingRecipient;
  readonly site: MatchingSite;
  readonly distanceKm: number;
}

/**
 * Runs the one engine (libs/matching) over one offer and the recipient sites found for it, and
 * keeps each recipient's best site: offers, claims and notices are per recipient organisation.
 * Best first, in the engine's deterministic order.
 */
export function rankOfferCandidates(
  offer: MatchingOffer,
  pairings: readonly SitePairing[],
  now: Date,
  windows = new ReceivingWindowResolver(offer.pickupFrom, offer.pickupUntil),
): OfferMatchResult[] {
  const byKey = new Map<string, SitePairing>();
  const candidates = pairings.map((pairing) => {
    byKey.set(candidateKey(pairing.recipient.organizationId, pairing.site.id), pairing);
    return toMatchCandidate(pairing.recipient, pairing.site, pairing.distanceKm, windows.resolve(pairing.site), now);
  });
  const seen = new Set<string>();
  const results: OfferMatchResult[] = [];
  for (const match of matchOffer(toMatchableOffer(offer), candidates).matches) {
    const pairing = byKey.get(match.recipientId);
    if (pairing === undefined || seen.has(pairing.recipient.organizationId)) continue;
    seen.add(pairing.recipient.organizationId);
    results.push(toResult(match, pairing, results.length + 1));
  }
  return results;
}

function toResult(match: RankedMatch, pairing: SitePairing, rank: number): OfferMatchResult {
  return {
    offerId: match.offerId,
    recipientOrganizationId: pairing.recipient.organizationId,
    siteId: pairing.site.id,
    distanceKm: pairing.distanceKm,
    score: match.score,
    rank,
    reasons: match.reasons,
    eligibleItems: match.eligibleItems,
    absorbableKg: match.absorbableKg,
    fit: match.fit,
  };
}
