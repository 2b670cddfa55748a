import type { CalendarDay, ClosurePeriod, DateKind, OpeningHours, OrganizationKind, TemperatureClass } from '#domain';
import type { Coordinates } from '#matching';

/** The organisation asking for a proposal, and the area it serves. */
export interface AllocationCoordinator {
  readonly organizationId: string;
  readonly kind: OrganizationKind;
  readonly verified: boolean;
  /** Its recipient profile's service radius; null without a profile. */
  readonly serviceRadiusKm: number | null;
  readonly siteCount: number;
}

/**
 * The coordinator's service area: within `radiusKm` of any of its sites. Offers posted there, and
 * recipients with a site there, take part in its proposal.
 */
export interface AllocationArea {
  readonly coordinatorOrganizationId: string;
  readonly radiusKm: number;
}

export interface AllocationOfferItem {
  readonly id: string;
  readonly categoryCode: string;
  /** Kg still unclaimed. */
  readonly remainingKg: number;
  readonly temperature: TemperatureClass;
  readonly dateKind: DateKind;
  readonly date: CalendarDay | null;
}

export interface AllocationOffer {
  readonly id: string;
  readonly donorOrganizationId: string;
  readonly location: Coordinates;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  /** Items with kg left, in their order. */
  readonly items: readonly AllocationOfferItem[];
}

export interface AllocationRecipientSite {
  readonly siteId: string;
  readonly location: Coordinates;
  readonly openingHours: OpeningHours;
  readonly closures: readonly ClosurePeriod[];
}

export interface AllocationRecipient {
  readonly organizationId: string;
  readonly acceptedCategoryCodes: readonly string[];
  readonly serviceRadiusKm: number;
  readonly dlcMarginHours: number;
  /** Declared storage per temperature class for one day. */
  readonly dailyCapacityKg: Readonly<Record<TemperatureClass, number>>;
  /** Already claimed for the day (claims not cancelled), per class. */
  readonly claimedKgOnDay: Readonly<Partial<Record<TemperatureClass, number>>>;
  /** Its sites inside the area (a recipient with a site elsewhere too is served here from these). */
  readonly sites: readonly AllocationRecipientSite[];
}

/** A recipient site within the recipient's own service radius of an offer, distance by PostGIS. */
export interface AllocationSiteDistance {
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly siteId: string;
  readonly distanceKm: number;
}

export interface AllocationCandidates {
  readonly offers: readonly AllocationOffer[];
  readonly recipients: readonly AllocationRecipient[];
  readonly distances: readonly AllocationSiteDistance[];
}

export interface AllocationCandidateCounts {
  readonly items: number;
  readonly recipients: number;
}

/**
 * What a batch allocation is made of, loaded for one coordinator's area and one Paris day:
 * open offers (PUBLISHED or PARTIALLY_CLAIMED, window not over at `now`, window touching `day`)
 * with their items' remaining kg; verified recipients with a profile and a site in the area, with
 * what they already claimed that day; and the PostGIS distance of every (offer, recipient site)
 * pair within the recipient's radius. The rules themselves are decided by the use case and
 * libs/matching on what comes back.
 */
export abstract class AllocationCandidateSource {
  abstract findCoordinator(organizationId: string): Promise<AllocationCoordinator | undefined>;
  /** Cheap counts of what `load` would return, to refuse oversized problems before loading them. */
  abstract count(area: AllocationArea, day: CalendarDay, now: Date): Promise<AllocationCandidateCounts>;
  abstract load(area: AllocationArea, day: CalendarDay, now: Date): Promise<AllocationCandidates>;
}
