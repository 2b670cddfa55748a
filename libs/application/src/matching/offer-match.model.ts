import type { EligibleItem, MatchFit, MatchReason } from '#matching';

/** One recipient site an offer should go to, as the engine ranked it. */
export interface OfferMatchResult {
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  /** The recipient's site the goods would go to (its best-ranked site when it has several). */
  readonly siteId: string;
  readonly distanceKm: number;
  readonly score: number;
  /** 1 for the best match of the offer; in claimableOffers, the rank among the recipient's sites (always 1). */
  readonly rank: number;
  /** Every reason the engine gave: score contributors first, then eligibility, items included. */
  readonly reasons: readonly MatchReason[];
  readonly eligibleItems: readonly EligibleItem[];
  /** Kg of the offer this recipient could take, within its free storage per temperature class. */
  readonly absorbableKg: number;
  /** Whether that covers every kg left of the offer: what a donor may know of it. */
  readonly fit: MatchFit;
}

/**
 * The reasons worth showing a person: why it ranks here, the recipient-level checks, and per item
 * only what changes the decision or must be said (an item refused, a DDM already past).
 */
export function reasonsToTell(reasons: readonly MatchReason[]): MatchReason[] {
  // The distance score's sentence already gives the distance and the radius: say it once.
  const distanceScored = reasons.some((reason) => reason.code === 'SCORE_DISTANCE');
  return reasons.filter(
    (reason) =>
      (reason.itemId === undefined || reason.verdict === 'FAIL' || reason.code === 'DDM_PAST_DATE') && !(distanceScored && reason.code === 'WITHIN_RADIUS'),
  );
}
