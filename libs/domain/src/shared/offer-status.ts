/** Where an offer is in its life; the legal moves are in offer/offer-status.machine.ts. */
export const OfferStatus = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  PARTIALLY_CLAIMED: 'PARTIALLY_CLAIMED',
  CLAIMED: 'CLAIMED',
  COLLECTED: 'COLLECTED',
  CLOSED: 'CLOSED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
} as const;
export type OfferStatus = (typeof OfferStatus)[keyof typeof OfferStatus];
export const OFFER_STATUSES: readonly OfferStatus[] = Object.values(OfferStatus);

export function isOfferStatus(value: unknown): value is OfferStatus {
  return typeof value === 'string' && (OFFER_STATUSES as readonly string[]).includes(value);
}
