import { DomainError, MAX_ITEM_QUANTITY_KG, type CalendarDay, type TemperatureClass } from '#domain';
import { matchOffer } from '#matching';
import type { MatchingOffer, SiteCandidate } from '../matching/match-candidate-finder.port';
import { candidateKey, ReceivingWindowResolver, toMatchableOffer, toMatchCandidate } from '../matching/matching-context.builder';

/** What the matching engine decided for one recipient and one offer, before any lock is taken. */
export interface ClaimEligibility {
  readonly siteId: string;
  /** The Paris day the goods arrive at that site: the day whose storage they take. */
  readonly pickupDay: CalendarDay;
  /** The site's first receiving interval within the offer's window: when to deliver. */
  readonly receiving: { readonly from: Date; readonly to: Date };
  readonly eligibleItemIds: ReadonlySet<string>;
  readonly dailyCapacityKg: Readonly<Record<TemperatureClass, number>>;
  readonly dlcMarginHours: number;
}

/**
 * The same engine as offerMatches and the broadcast (verification, radius, receiving hours and
 * closures, categories, the recipient's own DLC margin, storage declared per class), for one
 * recipient, keeping its best site. What remains of each item and how much storage is still free
 * are left out here on purpose: they change under concurrency, so the claim decides them again
 * under its locks; the engine is asked as if the lot were whole and the storage empty.
 */
export function assessClaimEligibility(offer: MatchingOffer, sites: readonly SiteCandidate[], now: Date): ClaimEligibility {
  const windows = new ReceivingWindowResolver(offer.pickupFrom, offer.pickupUntil);
  const whole = { ...offer, items: offer.items.map((item) => ({ ...item, remainingKg: MAX_ITEM_QUANTITY_KG })) };
  const byKey = new Map(sites.map((candidate) => [candidateKey(candidate.recipient.organizationId, candidate.site.id), candidate]));
  const candidates = sites.map((candidate) =>
    toMatchCandidate({ ...candidate.recipient, claimedKgByDay: new Map() }, candidate.site, candidate.distanceKm, windows.resolve(candidate.site), now),
  );
  const { matches, rejected } = matchOffer(toMatchableOffer(whole), candidates);
  const best = matches[0];
  const chosen = best === undefined ? undefined : byKey.get(best.recipientId);
  const window = chosen === undefined ? undefined : windows.resolve(chosen.site);
  const receiving = window?.intervals[0];
  if (best === undefined || chosen === undefined || window === undefined || receiving === undefined) {
    const failed = [
      ...new Set(rejected.flatMap((assessment) => assessment.reasons.filter((reason) => reason.verdict === 'FAIL').map((reason) => reason.code))),
    ];
    throw new DomainError('RECIPIENT_NOT_ELIGIBLE', 'organizationId', { reasons: failed.length > 0 ? failed.join(', ') : 'NO_SITE_IN_REACH' });
  }
  return {
    siteId: chosen.site.id,
    pickupDay: window.pickupDay,
    receiving,
    eligibleItemIds: new Set(best.eligibleItems.map((item) => item.itemId)),
    dailyCapacityKg: chosen.recipient.dailyCapacityKg,
    dlcMarginHours: chosen.recipient.dlcMarginHours,
  };
}
