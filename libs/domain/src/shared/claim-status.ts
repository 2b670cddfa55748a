/** Where a recipient's claim on an offer stands. */
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
