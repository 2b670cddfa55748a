import type { ClaimedKgByClass, MatchableItem, MatchingOffer, MatchingRecipient, MatchingSite } from '#application';
import {
  addCalendarDays,
  CATEGORY_TAXONOMY,
  isCategoryWithin,
  isDateKind,
  isoWeekdayOf,
  parisDayOf,
  isOfferStatus,
  OpeningHours,
  parseClosurePeriods,
  TEMPERATURE_CLASSES,
  TemperatureClass,
  type CalendarDay,
  type ClosurePeriod,
  type OpeningDayInput,
  type ClosurePeriodInput,
} from '#domain';

// Stored rows passed the domain's rules when written; a row that no longer does is a bug or a hand
// edit, reported as such rather than as a client's bad input.
function corrupt(what: string, value: unknown): never {
  throw new Error(`Stored ${what} is invalid: ${JSON.stringify(value)}`);
}

function isTemperatureClass(value: string): value is TemperatureClass {
  return (TEMPERATURE_CLASSES as readonly string[]).includes(value);
}

export interface StoredMatchItem {
  readonly id: string;
  readonly category: string;
  readonly remainingKg: number;
  readonly temperature: string;
  readonly dateKind: string;
  readonly date: string | null;
}

export interface OfferRow {
  readonly id: string;
  readonly donor_organization_id: string;
  readonly site_id: string;
  readonly status: string;
  readonly pickup_from: Date;
  readonly pickup_until: Date;
  readonly items: readonly StoredMatchItem[] | null;
}

export interface ProfileColumns {
  readonly accepted_categories: readonly string[];
  readonly ambient_capacity_kg: number;
  readonly chilled_capacity_kg: number;
  readonly frozen_capacity_kg: number;
  readonly service_radius_km: number;
  readonly dlc_margin_hours: number;
  readonly people_per_week: number;
  readonly received_kg: number;
}

export interface SiteColumns {
  readonly site_id: string;
  readonly organization_id: string;
  /** jsonb as text: the text is the cache key of the parsed timetable. */
  readonly opening_hours: string;
  readonly closures: string;
  readonly distance_km: number;
}

/** [pickup day, temperature class, kg]. */
export type ClaimedTriple = readonly [string, string, number];

export function toMatchableItem(stored: StoredMatchItem): MatchableItem {
  if (!isTemperatureClass(stored.temperature)) corrupt('temperature class', stored.temperature);
  if (!isDateKind(stored.dateKind)) corrupt('date kind', stored.dateKind);
  return {
    id: stored.id,
    categoryCode: stored.category,
    remainingKg: Number(stored.remainingKg),
    temperature: stored.temperature,
    dateKind: stored.dateKind,
    date: stored.date,
  };
}

export function toMatchingOffer(row: OfferRow): MatchingOffer {
  if (!isOfferStatus(row.status)) corrupt('offer status', row.status);
  return {
    id: row.id,
    donorOrganizationId: row.donor_organization_id,
    siteId: row.site_id,
    status: row.status,
    pickupFrom: row.pickup_from,
    pickupUntil: row.pickup_until,
    items: (row.items ?? []).map(toMatchableItem),
  };
}

export function toClaimedByDay(triples: readonly ClaimedTriple[] | null): Map<CalendarDay, ClaimedKgByClass> {
  const byDay = new Map<CalendarDay, Partial<Record<TemperatureClass, number>>>();
  for (const [day, temperature, kg] of triples ?? []) {
    if (!isTemperatureClass(temperature)) corrupt('claim line temperature', temperature);
    const classes = byDay.get(day) ?? {};
    classes[temperature] = (classes[temperature] ?? 0) + Number(kg);
    byDay.set(day, classes);
  }
  return byDay;
}

export function toMatchingRecipient(
  organizationId: string,
  verified: boolean,
  profile: ProfileColumns,
  claimedKgByDay: ReadonlyMap<CalendarDay, ClaimedKgByClass>,
): MatchingRecipient {
  return {
    organizationId,
    verified,
    acceptedCategoryCodes: profile.accepted_categories,
    dailyCapacityKg: {
      [TemperatureClass.AMBIENT]: Number(profile.ambient_capacity_kg),
      [TemperatureClass.CHILLED]: Number(profile.chilled_capacity_kg),
      [TemperatureClass.FROZEN]: Number(profile.frozen_capacity_kg),
    },
    serviceRadiusKm: Number(profile.service_radius_km),
    dlcMarginHours: Number(profile.dlc_margin_hours),
    peopleServedPerWeek: Number(profile.people_per_week),
    kgReceivedLast28Days: Number(profile.received_kg),
    claimedKgByDay,
  };
}

/**
 * Parsed timetables by their stored text. Many sites share the same hours (9:00–12:00 on
 * weekdays...), and handing the same objects back lets the matching context resolve each distinct
 * timetable once per offer. Bounded: cleared when full, a cache miss only costs a parse.
 */
export class TimetableCache {
  private readonly hours = new Map<string, OpeningHours>();
  private readonly closures = new Map<string, readonly ClosurePeriod[]>();

  constructor(private readonly maxEntries = 10_000) {}

  openingHours(text: string): OpeningHours {
    const known = this.hours.get(text);
    if (known !== undefined) return known;
    const parsed = OpeningHours.parse(JSON.parse(text) as OpeningDayInput[]);
    if (this.hours.size >= this.maxEntries) this.hours.clear();
    this.hours.set(text, parsed);
    return parsed;
  }

  closurePeriods(text: string): readonly ClosurePeriod[] {
    const known = this.closures.get(text);
    if (known !== undefined) return known;
    const parsed = parseClosurePeriods(JSON.parse(text) as ClosurePeriodInput[]);
    if (this.closures.size >= this.maxEntries) this.closures.clear();
    this.closures.set(text, parsed);
    return parsed;
  }

  site(row: SiteColumns): MatchingSite {
    return {
      id: row.site_id,
      organizationId: row.organization_id,
      openingHours: this.openingHours(row.opening_hours),
      closures: this.closurePeriods(row.closures),
    };
  }
}

/**
 * The codes a recipient may have accepted to take items of these categories: each code and its
 * ancestors by the dotted hierarchy (FOOD.DAIRY.CHEESE → FOOD.DAIRY.CHEESE, FOOD.DAIRY, FOOD), the
 * same prefix rule as the domain's isCategoryWithin, so `accepted && codes` is the overlap test.
 */
export function categoriesWithAncestors(codes: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    for (let length = 1; length <= parts.length; length += 1) all.add(parts.slice(0, length).join('.'));
  }
  return [...all].sort();
}

/**
 * Every code of the taxonomy within one of the accepted codes (and those codes), as the keys of a
 * JSON object: an offer's categories are all accepted when they are all keys of it
 * (CLAIMABLE_BOUNDS_SQL, jsonb `?&`, a binary search per category where an array containment would
 * compare every pair). Exact for the taxonomy's codes, the only ones items are created with; a
 * stored code outside it is never a key, which only ever takes the stricter side (not all accepted).
 */
export function acceptedCategoryClosure(accepted: readonly string[]): string {
  const closure = new Set(accepted);
  for (const category of CATEGORY_TAXONOMY) {
    if (accepted.some((code) => isCategoryWithin(category.code, code))) closure.add(category.code);
  }
  return JSON.stringify(Object.fromEntries([...closure].sort().map((code) => [code, true])));
}

/**
 * The parameters of CANDIDATES_FOR_OFFER_SQL for one offer at `now`, or undefined when nothing is
 * left to offer (no query needed): the categories with their ancestors, today, the window's first
 * and last Paris days, the temperature classes left, and the ISO weekdays the window spans.
 */
export function candidateParameters(offer: MatchingOffer, now: Date): unknown[] | undefined {
  const left = offer.items.filter((item) => item.remainingKg > 0);
  if (left.length === 0) return undefined;
  const firstDay = parisDayOf(offer.pickupFrom);
  const lastDay = parisDayOf(offer.pickupUntil);
  const weekdays = new Set<number>();
  for (let day = firstDay; day <= lastDay && weekdays.size < 7; day = addCalendarDays(day, 1)) weekdays.add(isoWeekdayOf(day));
  return [
    offer.id,
    categoriesWithAncestors(left.map((item) => item.categoryCode)),
    parisDayOf(now),
    firstDay,
    lastDay,
    [...new Set(left.map((item) => item.temperature))].sort(),
    [...weekdays].sort(),
  ];
}
