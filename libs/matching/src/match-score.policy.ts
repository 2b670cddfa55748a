import type { EligibleItem } from './eligibility.policy';
import { matchReason } from './match-reason.factory';
import type { MatchReason } from './match-reason.type';

/**
 * How a match is scored. Each component is a number in [0, 1] where 1 is best, and the score is
 * their weighted sum, so with weights summing to 1 the score is in [0, 1]:
 *
 *   score = 0.35·distance + 0.20·urgency + 0.20·capacityFit + 0.25·fairness
 *
 *   distance    = 1 − min(1, distanceKm / serviceRadiusKm)
 *                 Relative to the recipient's own radius: 10 km is near for a rural épicerie that
 *                 drives 40 km, far for a city association that walks. Closer also means less
 *                 time out of the cold chain.
 *   urgency     = 1 / (1 + hoursLeft / URGENCY_HALF_LIFE_HOURS)
 *                 hoursLeft runs to the earliest DLC end among the items offered, or to the end of
 *                 the pickup window when none has a DLC: that is when the food (or the chance to
 *                 collect it) is lost. 0 h → 1, 24 h → 0.5, 72 h → 0.25.
 *   capacityFit = min(1, absorbableKg / offerKg)
 *                 A recipient that can take the whole lot saves the donor a second pickup.
 *   fairness    = 1 / (1 + kgPerPersonPerWeek / FAIRNESS_REFERENCE_KG_PER_PERSON_WEEK)
 *                 kgPerPersonPerWeek = kg received over the last 28 days / 4 / people served per week.
 *                 Measured per person so that a big association is not penalised for being big, only
 *                 for being better served than the others; 0.5 (neutral) when people served is unknown.
 *
 * Distance weighs most because it is also the cost and risk of every pickup; fairness comes next so
 * that, among near recipients, the least served ones hear first.
 */
export const SCORE_WEIGHTS = {
  distance: 0.35,
  urgency: 0.2,
  capacityFit: 0.2,
  fairness: 0.25,
} as const satisfies Record<ScoreComponent, number>;

export type ScoreComponent = 'distance' | 'urgency' | 'capacityFit' | 'fairness';

const SCORE_COMPONENTS: readonly ScoreComponent[] = ['distance', 'urgency', 'capacityFit', 'fairness'];

/** Hours left at which urgency is one half. A day is the horizon on which a lot is usually lost. */
export const URGENCY_HALF_LIFE_HOURS = 24;

/**
 * About 1 kg per person per week: the food-bank network hands out about 120 000 t a year to some
 * 2.4 million people (docs/domain-rules.md, Sizes of the real world), roughly 1 kg per person per week. A recipient at that level
 * gets fairness 0.5; one served twice as much gets 0.33.
 */
export const FAIRNESS_REFERENCE_KG_PER_PERSON_WEEK = 1;

const MS_PER_HOUR = 3_600_000;

/** A component whose weighted part is below this share of the score is not worth a sentence. */
const MAIN_CONTRIBUTOR_SHARE = 0.2;
const MAX_SCORE_REASONS = 3;

export interface ScoreInput {
  readonly recipientId: string;
  readonly distanceKm: number;
  readonly serviceRadiusKm: number;
  /** See urgencyHoursLeft. */
  readonly hoursLeft: number;
  /** Kg the offer still has (of the items this recipient may take, or all of them). */
  readonly offerKg: number;
  /** Kg this recipient could take of it (EligibilityAssessment.absorbableKg). */
  readonly absorbableKg: number;
  readonly kgReceivedLast28Days: number;
  /** 0 when unknown. */
  readonly peopleServedPerWeek: number;
}

export interface ScoreComponentValue {
  /** The component alone, in [0, 1]. */
  readonly value: number;
  /** value × its weight: its part of the score. */
  readonly weighted: number;
}

export interface MatchScore {
  readonly recipientId: string;
  readonly score: number;
  readonly components: Readonly<Record<ScoreComponent, ScoreComponentValue>>;
  /** The main contributors, largest first. */
  readonly reasons: readonly MatchReason[];
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** In [0, 1]: 1 at the recipient's door, 0 at the edge of its radius or beyond. */
export function distanceFactor(distanceKm: number, serviceRadiusKm: number): number {
  return serviceRadiusKm > 0 ? clamp01(1 - distanceKm / serviceRadiusKm) : 0;
}

/** In [0, 1]: 1 when the food is lost now, 0.5 a day ahead. */
export function urgencyFactor(hoursLeft: number): number {
  return 1 / (1 + Math.max(0, hoursLeft) / URGENCY_HALF_LIFE_HOURS);
}

/** In [0, 1]: the share of the offer's kg the recipient could take. */
export function capacityFitFactor(absorbableKg: number, offerKg: number): number {
  return offerKg > 0 ? clamp01(absorbableKg / offerKg) : 0;
}

/** In [0, 1]: 0.5 at the reference kg per person per week, higher for the less served; 0.5 when unknown. */
export function fairnessFactor(kgReceivedLast28Days: number, peopleServedPerWeek: number): number {
  const intensity = kgPerPersonPerWeek(kgReceivedLast28Days, peopleServedPerWeek);
  return intensity === null ? 0.5 : 1 / (1 + intensity / FAIRNESS_REFERENCE_KG_PER_PERSON_WEEK);
}

export function kgPerPersonPerWeek(kgReceivedLast28Days: number, peopleServedPerWeek: number): number | null {
  if (!(peopleServedPerWeek > 0)) return null;
  return Math.max(0, kgReceivedLast28Days) / 4 / peopleServedPerWeek;
}

/**
 * Hours from `now` until the food or the chance to collect it is lost: the earliest DLC end among
 * the items offered to this recipient, else the end of the pickup window. Never negative.
 */
export function urgencyHoursLeft(pickupUntil: Date, eligibleItems: readonly Pick<EligibleItem, 'dlcEnd'>[], now: Date): number {
  let deadline: Date | null = null;
  for (const item of eligibleItems) {
    if (item.dlcEnd !== null && (deadline === null || item.dlcEnd < deadline)) deadline = item.dlcEnd;
  }
  return Math.max(0, ((deadline ?? pickupUntil).getTime() - now.getTime()) / MS_PER_HOUR);
}

/** The documented score of SCORE_WEIGHTS, with the sentences of its main contributors. */
export function scoreMatch(input: ScoreInput): MatchScore {
  const intensity = kgPerPersonPerWeek(input.kgReceivedLast28Days, input.peopleServedPerWeek);
  const values: Record<ScoreComponent, number> = {
    distance: distanceFactor(input.distanceKm, input.serviceRadiusKm),
    urgency: urgencyFactor(input.hoursLeft),
    capacityFit: capacityFitFactor(input.absorbableKg, input.offerKg),
    fairness: fairnessFactor(input.kgReceivedLast28Days, input.peopleServedPerWeek),
  };
  const components = {} as Record<ScoreComponent, ScoreComponentValue>;
  let score = 0;
  for (const name of SCORE_COMPONENTS) {
    const weighted = values[name] * SCORE_WEIGHTS[name];
    components[name] = { value: values[name], weighted };
    score += weighted;
  }

  const contributors = [...SCORE_COMPONENTS]
    .filter((name) => components[name].weighted > 0)
    .sort((a, b) => components[b].weighted - components[a].weighted || SCORE_COMPONENTS.indexOf(a) - SCORE_COMPONENTS.indexOf(b))
    .filter((name, index) => index === 0 || components[name].weighted >= MAIN_CONTRIBUTOR_SHARE * score)
    .slice(0, MAX_SCORE_REASONS);
  const reasons = contributors.map((name) => scoreReason(name, input, intensity));
  return { recipientId: input.recipientId, score: clamp01(score), components, reasons };
}

function scoreReason(name: ScoreComponent, input: ScoreInput, intensity: number | null): MatchReason {
  switch (name) {
    case 'distance':
      return matchReason('SCORE_DISTANCE', { distanceKm: input.distanceKm, radiusKm: input.serviceRadiusKm });
    case 'urgency':
      return matchReason('SCORE_URGENCY', { hoursLeft: input.hoursLeft });
    case 'capacityFit':
      return matchReason('SCORE_CAPACITY_FIT', {
        absorbableKg: Math.min(input.absorbableKg, input.offerKg),
        offerKg: input.offerKg,
      });
    case 'fairness':
      return matchReason('SCORE_FAIRNESS', { kgPerPersonPerWeek: intensity ?? 0 });
    default: {
      const unknown: never = name;
      throw new RangeError(`unknown score component: ${String(unknown)}`);
    }
  }
}

/**
 * Scores are compared on a 1e-9 grid so that two scores equal but for floating-point noise (the
 * same inputs summed in another order on another machine) tie, and the tie is broken by id.
 */
function scoreKey(score: number): number {
  return Math.round(score * 1e9);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Best first; equal scores in ascending recipientId (then offerId) order, so that the same inputs
 * always notify the same recipients first. Returns a new array.
 */
export function rankMatches<T extends { readonly score: number; readonly recipientId: string; readonly offerId?: string }>(candidates: readonly T[]): T[] {
  return [...candidates].sort(
    (a, b) => scoreKey(b.score) - scoreKey(a.score) || compareIds(a.recipientId, b.recipientId) || compareIds(a.offerId ?? '', b.offerId ?? ''),
  );
}
