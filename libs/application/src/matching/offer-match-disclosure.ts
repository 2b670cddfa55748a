import { assertNever } from '#domain';
import { matchReason, type MatchFit, type MatchReason } from '#matching';
import { reasonsToTell, type OfferMatchResult } from './offer-match.model';

// The apps name the fit through the application, as they reach every engine type.
export { MatchFit } from '#matching';

/**
 * How much of a match its reader sees. A recipient's profile (free storage per temperature class,
 * service radius, the people it serves, what it received lately) is private to it and to platform
 * admins, and the engine's reasons quote it. So:
 *  - FULL, for the recipient itself (claimableOffers, its offerMatched notices) and platform admins:
 *    every reason worth telling, and the kg it could absorb;
 *  - DONOR, for the donor choosing where its lot goes: the recipient (name and sites are public),
 *    its habilitation (public), the distance, and whether it can take all or only part of the lot.
 */
export type MatchDisclosure = 'FULL' | 'DONOR';

export interface DisclosedOfferMatch {
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly siteId: string;
  readonly distanceKm: number;
  readonly score: number;
  readonly rank: number;
  readonly fit: MatchFit;
  /** Undefined for a donor: it would tell the recipient's free storage. */
  readonly absorbableKg?: number;
  readonly reasons: readonly MatchReason[];
}

/** Reasons about the recipient that are public facts (Organization.verified). */
const PUBLIC_REASON_CODES: ReadonlySet<MatchReason['code']> = new Set(['RECIPIENT_VERIFIED']);

export function discloseOfferMatch(match: OfferMatchResult, disclosure: MatchDisclosure): DisclosedOfferMatch {
  const shared = {
    offerId: match.offerId,
    recipientOrganizationId: match.recipientOrganizationId,
    siteId: match.siteId,
    distanceKm: match.distanceKm,
    score: match.score,
    rank: match.rank,
    fit: match.fit,
  };
  switch (disclosure) {
    case 'FULL':
      return { ...shared, absorbableKg: match.absorbableKg, reasons: reasonsToTell(match.reasons) };
    case 'DONOR':
      return { ...shared, reasons: donorReasons(match) };
    default:
      return assertNever(disclosure, 'match disclosure');
  }
}

function donorReasons(match: OfferMatchResult): MatchReason[] {
  return [
    ...match.reasons.filter((reason) => reason.itemId === undefined && PUBLIC_REASON_CODES.has(reason.code)),
    matchReason('DISTANCE', { distanceKm: match.distanceKm }),
    match.fit === 'WHOLE_LOT' ? matchReason('TAKES_WHOLE_LOT', {}) : matchReason('TAKES_PART_OF_LOT', {}),
  ];
}
