import type { CalendarDay, DateKind, TemperatureClass } from '#domain';

/**
 * The inputs of eligibility and ranking, kept inside libs/matching on purpose: the matching engine
 * only needs these few fields, and owning them lets the application map its richer domain objects
 * (offers, organisations, capacities) onto them without the engine depending on their shape.
 */

export interface MatchableItem {
  readonly id: string;
  /** Dotted taxonomy code, e.g. FOOD.DAIRY.CHEESE. */
  readonly categoryCode: string;
  /** What is still unclaimed on this item. */
  readonly remainingKg: number;
  readonly temperature: TemperatureClass;
  /** DLC = use-by (a safety date), DDM = best-before (a quality date), NONE = no date on the label. */
  readonly dateKind: DateKind;
  /** Calendar day YYYY-MM-DD as printed on the label (Europe/Paris); null when dateKind is NONE. */
  readonly date: CalendarDay | null;
}

export interface MatchableOffer {
  readonly id: string;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  readonly items: readonly MatchableItem[];
}

export interface MatchableRecipient {
  readonly id: string;
  /** Habilitation checked by an admin (docs/domain-rules.md, Habilitation). */
  readonly verified: boolean;
  /** Dotted category codes; a code accepts its whole branch. */
  readonly acceptedCategoryCodes: readonly string[];
  readonly serviceRadiusKm: number;
  /** Declared storage per temperature class for one day; a missing class means none. */
  readonly dailyCapacityKg: Readonly<Partial<Record<TemperatureClass, number>>>;
  /** Hours of DLC the goods must still have when the pickup window ends; 48 unless the recipient redistributes faster. */
  readonly dlcMarginHours?: number;
}

export interface TimeInterval {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Facts about one (offer, recipient) pair that need I/O to know and are therefore resolved by the
 * caller: PostGIS measures the distance, the repositories sum the claims and resolve opening hours.
 */
export interface EligibilityContext {
  readonly now: Date;
  /** Geodesic distance from the donor site to the recipient site. */
  readonly distanceKm: number;
  /** Kg the recipient already claimed for the pickup day, per temperature class. */
  readonly claimedKgOnPickupDay: Readonly<Partial<Record<TemperatureClass, number>>>;
  /** The recipient's receiving hours, resolved to instants around the pickup window. */
  readonly receivingIntervals: readonly TimeInterval[];
  /** An exceptional closure (holiday, stock-taking) on the pickup day. */
  readonly closedOnPickupDay: boolean;
}

/** Decree 2016-1962: 48 hours of DLC left when the recipient takes charge, unless it declared less. */
export const DEFAULT_DLC_MARGIN_HOURS = 48;
