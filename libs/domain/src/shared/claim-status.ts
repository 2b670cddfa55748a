/** Where a recipient's claim on an offer stands; the legal moves are in claim/claim-status.machine.ts. */
export const ClaimStatus = {
  CONFIRMED: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
  COLLECTED: 'COLLECTED',
  DELIVERED: 'DELIVERED',
  REFUSED: 'REFUSED',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];
export const CLAIM_STATUSES: readonly ClaimStatus[] = Object.values(ClaimStatus);

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value);
}

/**
 * The one rule for which claims hold goods: a claim in one of these statuses keeps its kilos out of
 * the offer's items (they are not claimable by anyone else) and counts against the recipient's
 * declared storage for its pickup day, and in its history of what it received. A cancelled claim
 * gave its kilos back; a refused delivery never entered the recipient's storage. The database
 * states the same rule once, as the view `claims_holding_goods` (checked against this list by a test).
 */
export const CLAIM_STATUSES_HOLDING_GOODS: readonly ClaimStatus[] = [ClaimStatus.CONFIRMED, ClaimStatus.COLLECTED, ClaimStatus.DELIVERED];

export function claimHoldsGoods(status: ClaimStatus): boolean {
  return CLAIM_STATUSES_HOLDING_GOODS.includes(status);
}

/** Where a claim's goods are, as its offer follows them (Offer.followClaims). */
export interface ClaimProgress {
  readonly status: ClaimStatus;
  /** The goods left the donor's site (a claim refused at collection never did). */
  readonly collected: boolean;
}
