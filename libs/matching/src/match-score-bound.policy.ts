import { DateKind, dlcEnd, isCategoryWithin, TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import { KG_EPSILON } from './eligibility.policy';
import { fairnessFactor, SCORE_WEIGHTS, scoreMatch, URGENCY_HALF_LIFE_HOURS } from './match-score.policy';
import type { MatchableItem } from './matching-input.type';

/**
 * Bounds of the engine's score (matchOffer, then the recipient's best site) for one offer and one
 * recipient, from a summary of the offer's items that does not depend on the recipient. A list of a
 * recipient's offers, best first, reads candidates in the order of their upper bound and ranks only
 * those with the engine; the lower bound tells which offers certainly rank before a given score. The
 * database computes these bounds for every open offer in reach (claimableOffers' SQL restates
 * matchScoreBounds over the summary columns the database keeps on each offer): this is their
 * definition, and the tests hold both to it.
 *
 * Why they hold. The score is clamp01(w_d·distance + w_u·urgency + w_c·capacityFit + w_f·fairness)
 * with positive weights, each factor monotonic in one input: distance falls with the km, urgency
 * falls with the hours left to the deadline, capacityFit rises with the kg the recipient can absorb
 * (the offer's kg being fixed), fairness depends on the recipient alone. So the score at the most
 * favourable inputs the facts allow (earliest deadline, most absorbable kg) is never below the
 * engine's, and the score at the least favourable ones never above it. The facts, for the items the
 * engine may keep (E: kg left, a category the recipient accepts, the date rule passed, free storage
 * of their class on the pickup day):
 *  - Date rule: a DLC item passes when its DLC ends at or after max(now, end of window + margin − 1 ms)
 *    (isDlcMarginMet and not isDlcExpired, for dlcEnd = the last millisecond of the DLC day); DDM and
 *    undated items always pass. All DLC items pass when the first to end does; none when the last
 *    to end does not.
 *  - Free storage of a class on the pickup day lies between the declared kg minus the most claimed on
 *    any day the pickup may fall on (from the Paris day the window opens), and the declared kg
 *    (claims only ever take storage). The claims are summed over the days from some day on: for an
 *    offer whose window opens before that day, no storage is surely free.
 *  - Absorbable kg is, per class with an item in E, min(kg of its items in E, free storage): at most
 *    min(kg that may pass, most free) over the classes that may be free, at least min(kg that surely
 *    pass, least free) over the classes surely free when every category is accepted.
 *  - The deadline is the first DLC end among E's DLC items, or the end of the window when E has none.
 *    When every DLC item is surely in E it is exactly the first DLC end; otherwise it lies between
 *    min(end of window, max(first DLC end, the date rule's threshold)) and max(end of window, last
 *    DLC end), or is the end of the window when no DLC item can be in E.
 * The bounds hold for the recipient's best site when the pair is that site's distance, and the
 * engine keeps the best of the recipient's eligible sites: so the offer's score is at most the
 * greatest upper bound over its sites, and, when it is claimable at all, at least the least lower
 * bound over them.
 */

/** What the database keeps on each offer about its items (see the offer item summary migration). */
export interface OfferItemsSummary {
  /** Kg left per temperature class, over the items with kg left. */
  readonly kgByClass: Readonly<Record<TemperatureClass, number>>;
  /** Of which use-by (DLC) items. */
  readonly dlcKgByClass: Readonly<Record<TemperatureClass, number>>;
  /** The first and last end of a DLC among the DLC items with kg left; null when there is none. */
  readonly firstDlcEnd: Date | null;
  readonly lastDlcEnd: Date | null;
  /** The distinct categories of the items with kg left, sorted. */
  readonly categories: readonly string[];
}

/** A DLC item without a date never passes (DLC_DATE_MISSING): it counts as having ended long ago. */
const NEVER = new Date(-8.64e15);

function byClass(): Record<TemperatureClass, number> {
  return Object.fromEntries(TEMPERATURE_CLASSES.map((temperature) => [temperature, 0])) as Record<TemperatureClass, number>;
}

export function summarizeOfferItems(items: readonly MatchableItem[]): OfferItemsSummary {
  const kgByClass = byClass();
  const dlcKgByClass = byClass();
  const categories = new Set<string>();
  let firstDlcEnd: Date | null = null;
  let lastDlcEnd: Date | null = null;
  for (const item of items) {
    if (item.remainingKg <= KG_EPSILON) continue;
    kgByClass[item.temperature] += item.remainingKg;
    categories.add(item.categoryCode);
    if (item.dateKind !== DateKind.DLC) continue;
    dlcKgByClass[item.temperature] += item.remainingKg;
    const end = item.date === null ? NEVER : dlcEnd(item.date);
    if (firstDlcEnd === null || end < firstDlcEnd) firstDlcEnd = end;
    if (lastDlcEnd === null || end > lastDlcEnd) lastDlcEnd = end;
  }
  return { kgByClass, dlcKgByClass, firstDlcEnd, lastDlcEnd, categories: [...categories].sort() };
}

/** What the bounds need to know of the recipient. */
export interface BoundRecipient {
  readonly verified: boolean;
  readonly acceptedCategoryCodes: readonly string[];
  readonly serviceRadiusKm: number;
  readonly dlcMarginHours: number;
  readonly dailyCapacityKg: Readonly<Partial<Record<TemperatureClass, number>>>;
  /** The most kg already claimed of each class for one Paris day, over the days from the one `since` falls on. */
  readonly claimed: {
    readonly since: Date;
    readonly mostKgByClass: Readonly<Partial<Record<TemperatureClass, number>>>;
  };
  readonly kgReceivedLast28Days: number;
  readonly peopleServedPerWeek: number;
}

export interface ScoreBounds {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The SQL computes the same bounds with the same operations in another order: compare a bound
 * with a score only with this much room.
 */
export const SCORE_BOUND_SLACK = 1e-9;

const MS_PER_HOUR = 3_600_000;

function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_HOUR;
}

/**
 * Bounds of the score of one offer for one of the recipient's sites within its radius, at
 * `distanceKm` from the offer (see the module comment). Undefined when the recipient can claim none
 * of the offer: it is not verified (the engine's first rule), accepts none of its categories, or has
 * no storage for what may pass. Expects an open offer (`pickupUntil` after `now`).
 */
export function matchScoreBounds(
  offer: { readonly pickupFrom: Date; readonly pickupUntil: Date; readonly summary: OfferItemsSummary },
  distanceKm: number,
  recipient: BoundRecipient,
  now: Date,
): ScoreBounds | undefined {
  const { summary, pickupUntil } = offer;
  // The pickup day is a Paris day within the window: from the day it opens on.
  const claimsCounted = offer.pickupFrom.getTime() >= recipient.claimed.since.getTime();
  const accepted = (code: string): boolean => recipient.acceptedCategoryCodes.some((acceptedCode) => isCategoryWithin(code, acceptedCode));
  if (!recipient.verified || !summary.categories.some(accepted)) return undefined;
  const allAccepted = summary.categories.every(accepted);

  const passFrom = Math.max(now.getTime(), pickupUntil.getTime() + recipient.dlcMarginHours * MS_PER_HOUR - 1);
  const passes = (end: Date | null): boolean => end !== null && end.getTime() >= passFrom;
  const allDlcPass = summary.firstDlcEnd === null || passes(summary.firstDlcEnd);
  const anyDlcPasses = passes(summary.lastDlcEnd);

  let absorbableHigh = 0;
  let absorbableLow = 0;
  let dlcMayBeTaken = false;
  let dlcSurelyAllTaken = allAccepted && summary.firstDlcEnd !== null && allDlcPass;
  let offerKg = 0;
  for (const temperature of TEMPERATURE_CLASSES) {
    const kg = summary.kgByClass[temperature];
    const dlcKg = summary.dlcKgByClass[temperature];
    offerKg += kg;
    const declared = recipient.dailyCapacityKg[temperature] ?? 0;
    const mostFree = Math.max(0, declared);
    const leastFree = claimsCounted ? Math.max(0, declared - (recipient.claimed.mostKgByClass[temperature] ?? 0)) : 0;
    const mayKg = kg - (anyDlcPasses ? 0 : dlcKg);
    const sureKg = allAccepted ? kg - (allDlcPass ? 0 : dlcKg) : 0;
    if (mayKg > 0 && mostFree > KG_EPSILON) absorbableHigh += Math.min(mayKg, mostFree);
    if (sureKg > 0 && leastFree > KG_EPSILON) absorbableLow += Math.min(sureKg, leastFree);
    if (dlcKg > 0 && mostFree > KG_EPSILON) dlcMayBeTaken = true;
    if (dlcKg > 0 && !(leastFree > KG_EPSILON)) dlcSurelyAllTaken = false;
  }
  if (!(absorbableHigh > 0)) return undefined;
  dlcMayBeTaken = dlcMayBeTaken && anyDlcPasses;

  let earliestDeadline = pickupUntil;
  let latestDeadline = pickupUntil;
  if (dlcSurelyAllTaken && summary.firstDlcEnd !== null) {
    earliestDeadline = summary.firstDlcEnd;
    latestDeadline = summary.firstDlcEnd;
  } else if (dlcMayBeTaken && summary.firstDlcEnd !== null && summary.lastDlcEnd !== null) {
    const firstTakable = Math.max(summary.firstDlcEnd.getTime(), passFrom);
    earliestDeadline = new Date(Math.min(pickupUntil.getTime(), firstTakable));
    latestDeadline = new Date(Math.max(pickupUntil.getTime(), summary.lastDlcEnd.getTime()));
  }

  const score = (hoursLeft: number, absorbableKg: number): number =>
    scoreMatch({
      recipientId: '',
      distanceKm,
      serviceRadiusKm: recipient.serviceRadiusKm,
      hoursLeft,
      offerKg,
      absorbableKg,
      kgReceivedLast28Days: recipient.kgReceivedLast28Days,
      peopleServedPerWeek: recipient.peopleServedPerWeek,
    }).score;
  return {
    upper: score(Math.max(0, hoursBetween(now, earliestDeadline)), absorbableHigh),
    lower: score(Math.max(0, hoursBetween(now, latestDeadline)), absorbableLow),
  };
}

/** The constants the SQL form of matchScoreBounds takes, from their one definition in this library. */
export interface ScoreBoundTerms {
  readonly distanceWeight: number;
  readonly urgencyWeight: number;
  readonly capacityWeight: number;
  /** The weighted fairness of the recipient: the same for every offer. */
  readonly fairnessPart: number;
  readonly urgencyHalfLifeHours: number;
  readonly kgEpsilon: number;
}

export function scoreBoundTerms(recipient: Pick<BoundRecipient, 'kgReceivedLast28Days' | 'peopleServedPerWeek'>): ScoreBoundTerms {
  return {
    distanceWeight: SCORE_WEIGHTS.distance,
    urgencyWeight: SCORE_WEIGHTS.urgency,
    capacityWeight: SCORE_WEIGHTS.capacityFit,
    fairnessPart: SCORE_WEIGHTS.fairness * fairnessFactor(recipient.kgReceivedLast28Days, recipient.peopleServedPerWeek),
    urgencyHalfLifeHours: URGENCY_HALF_LIFE_HOURS,
    kgEpsilon: KG_EPSILON,
  };
}
