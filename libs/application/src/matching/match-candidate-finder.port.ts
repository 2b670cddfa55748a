import type { CalendarDay, ClosurePeriod, OfferStatus, OpeningHours, TemperatureClass } from '#domain';
import type { MatchableItem, ScoreBoundTerms } from '#matching';

// Persistence builds these items but may not import the matching library: it gets the types from here.
export type { MatchableItem, ScoreBoundTerms };

/** An offer as matching needs it: its window and what is left of each item. */
export interface MatchingOffer {
  readonly id: string;
  readonly donorOrganizationId: string;
  readonly siteId: string;
  readonly status: OfferStatus;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  readonly items: readonly MatchableItem[];
}

/** Kg already claimed (claims not cancelled), per temperature class, for one Paris day. */
export type ClaimedKgByClass = Readonly<Partial<Record<TemperatureClass, number>>>;

/** A recipient organisation's profile and recent history, as matching needs them. */
export interface MatchingRecipient {
  readonly organizationId: string;
  readonly verified: boolean;
  readonly acceptedCategoryCodes: readonly string[];
  readonly dailyCapacityKg: Readonly<Record<TemperatureClass, number>>;
  readonly serviceRadiusKm: number;
  readonly dlcMarginHours: number;
  /** 0 when the recipient did not say. */
  readonly peopleServedPerWeek: number;
  /** Kg claimed (not cancelled, not refused) for pickup days from 27 days before today on. */
  readonly kgReceivedLast28Days: number;
  /** Kg already claimed per Paris day; only the days of the offers at hand are loaded, a missing day is none. */
  readonly claimedKgByDay: ReadonlyMap<CalendarDay, ClaimedKgByClass>;
}

/** Where a recipient receives goods. */
export interface MatchingSite {
  readonly id: string;
  readonly organizationId: string;
  readonly openingHours: OpeningHours;
  readonly closures: readonly ClosurePeriod[];
}

/** One recipient site found within the recipient's own radius of an offer, distance by PostGIS. */
export interface SiteCandidate {
  readonly recipient: MatchingRecipient;
  readonly site: MatchingSite;
  readonly distanceKm: number;
}

/** One open offer found within the radius of one of the recipient's sites. */
export interface OfferCandidate {
  readonly offer: MatchingOffer;
  readonly site: MatchingSite;
  readonly distanceKm: number;
}

export interface ClaimableOfferCandidates {
  readonly recipient: MatchingRecipient;
  readonly offers: readonly OfferCandidate[];
}

/**
 * One open offer in reach of one of the recipient's sites, with bounds of the engine's score for
 * that site (libs/matching matchScoreBounds, computed by the database for every such pair).
 */
export interface BoundedCandidate {
  readonly offerId: string;
  readonly siteId: string;
  readonly upper: number;
  readonly lower: number;
}

export interface BoundedCandidatesRequest {
  readonly terms: ScoreBoundTerms;
  /** Leave out the pairs whose lower bound is above this: their offers certainly rank before it. */
  readonly skipLowerAbove: number | null;
  readonly limit: number;
  readonly offset: number;
}

/** What one page of a recipient's claimable offers reads, all from one snapshot of the database. */
export interface ClaimableOffersSnapshot {
  /** The recipient; its claimedKgByDay is empty (candidates() gives it with the days it needs). */
  readonly recipient: MatchingRecipient;
  /**
   * Pairs of an open offer within the recipient's radius of one of its sites and that site, that
   * the recipient may claim as far as the bounds tell, by upper bound descending, then offer id and
   * site id ascending: a stable order to read on from `offset`.
   */
  boundedCandidates(request: BoundedCandidatesRequest): Promise<BoundedCandidate[]>;
  /** These offers with the recipient's sites within its radius of each, and its claims on their days. */
  candidates(offerIds: readonly string[]): Promise<ClaimableOfferCandidates>;
}

/**
 * The data side of matching. Implementations do the spatial pre-filter on indexes and the cheap
 * pre-filters (verified recipients, categories that overlap) in the database; the rules themselves
 * are decided by libs/matching on what comes back, so a pre-filter may let through more than the
 * engine keeps, never less.
 */
export abstract class MatchCandidateFinder {
  abstract findOffer(offerId: string): Promise<MatchingOffer | undefined>;
  /** Verified recipients' sites within their service radius of the offer, accepting one of its categories. */
  abstract candidatesForOffer(offer: MatchingOffer, now: Date): Promise<SiteCandidate[]>;
  /**
   * For a claim: one verified recipient's sites within its radius of the offer, with its profile and
   * nothing claimed (the claim sums what it holds under its own lock); none when it is not a verified
   * recipient or is out of reach. Without candidatesForOffer's coarse filters: the engine says why.
   */
  abstract recipientSitesForOffer(offerId: string, organizationId: string): Promise<SiteCandidate[]>;
  /**
   * Runs `read` over the open offers (published or partly claimed, window not over) within the
   * recipient's radius of one of its sites, in one consistent snapshot. Undefined (and `read` not
   * run) when the organisation is not a recipient with a profile.
   */
  abstract readClaimable<T>(organizationId: string, now: Date, read: (snapshot: ClaimableOffersSnapshot) => Promise<T>): Promise<T | undefined>;
}
