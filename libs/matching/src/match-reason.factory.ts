import type { TemperatureClass } from '#domain';
import type { MatchReason, MatchReasonCode, MatchReasonVerdict } from './match-reason.type';

/** The figures each reason quotes; the mapped table below makes a missing code a compile error. */
export interface MatchReasonParams {
  RECIPIENT_VERIFIED: Record<string, never>;
  RECIPIENT_NOT_VERIFIED: Record<string, never>;
  WITHIN_RADIUS: { distanceKm: number; radiusKm: number };
  OUTSIDE_RADIUS: { distanceKm: number; radiusKm: number };
  OPEN_ON_PICKUP_DAY: Record<string, never>;
  CLOSED_ON_PICKUP_DAY: Record<string, never>;
  RECEIVING_HOURS_OVERLAP: Record<string, never>;
  NO_RECEIVING_HOURS_OVERLAP: Record<string, never>;
  CATEGORIES_ACCEPTED: { acceptedItems: number; totalItems: number };
  CATEGORY_NOT_ACCEPTED: { categoryCode: string };
  CAPACITY_AVAILABLE: { temperature: TemperatureClass; freeKg: number };
  NO_CAPACITY: { temperature: TemperatureClass; declaredKg: number; claimedKg: number };
  NOTHING_LEFT: Record<string, never>;
  DLC_MARGIN_MET: { hoursAfterPickup: number; marginHours: number };
  DLC_MARGIN_TOO_SHORT: { hoursAfterPickup: number; marginHours: number };
  DLC_EXPIRED: { date: string };
  DLC_DATE_MISSING: Record<string, never>;
  DDM_BEFORE_DATE: { date: string };
  DDM_PAST_DATE: { date: string; daysPast: number };
  UNDATED: Record<string, never>;
  NO_ELIGIBLE_ITEM: Record<string, never>;
  SCORE_DISTANCE: { distanceKm: number; radiusKm: number };
  SCORE_URGENCY: { hoursLeft: number };
  SCORE_CAPACITY_FIT: { absorbableKg: number; offerKg: number };
  SCORE_FAIRNESS: { kgPerPersonPerWeek: number };
  DISTANCE: { distanceKm: number };
  TAKES_WHOLE_LOT: Record<string, never>;
  TAKES_PART_OF_LOT: Record<string, never>;
}

interface Wording {
  readonly verdict: MatchReasonVerdict;
  readonly fr: string;
  readonly en: string;
}

const FR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const EN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const TEMPERATURE_WORDS: Readonly<Record<TemperatureClass, { fr: string; en: string }>> = {
  AMBIENT: { fr: 'sec', en: 'ambient' },
  CHILLED: { fr: 'frais', en: 'chilled' },
  FROZEN: { fr: 'surgelé', en: 'frozen' },
};

function frDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

function plural(count: number, one: string, many: string): string {
  return Math.abs(count) < 2 ? one : many;
}

const WORDING: { readonly [C in MatchReasonCode]: (p: MatchReasonParams[C]) => Wording } = {
  RECIPIENT_VERIFIED: () => ({ verdict: 'PASS', fr: 'habilitation vérifiée', en: 'habilitation verified' }),
  RECIPIENT_NOT_VERIFIED: () => ({
    verdict: 'FAIL',
    fr: 'habilitation pas encore vérifiée',
    en: 'habilitation not verified yet',
  }),
  WITHIN_RADIUS: (p) => ({
    verdict: 'PASS',
    fr: `à ${FR.format(p.distanceKm)} km (rayon ${FR.format(p.radiusKm)} km)`,
    en: `${EN.format(p.distanceKm)} km away (radius ${EN.format(p.radiusKm)} km)`,
  }),
  OUTSIDE_RADIUS: (p) => ({
    verdict: 'FAIL',
    fr: `à ${FR.format(p.distanceKm)} km, hors du rayon de ${FR.format(p.radiusKm)} km`,
    en: `${EN.format(p.distanceKm)} km away, outside the ${EN.format(p.radiusKm)} km radius`,
  }),
  OPEN_ON_PICKUP_DAY: () => ({ verdict: 'PASS', fr: 'ouvert le jour de la ramasse', en: 'open on the pickup day' }),
  CLOSED_ON_PICKUP_DAY: () => ({ verdict: 'FAIL', fr: 'fermé le jour de la ramasse', en: 'closed on the pickup day' }),
  RECEIVING_HOURS_OVERLAP: () => ({
    verdict: 'PASS',
    fr: 'reçoit pendant le créneau de ramasse',
    en: 'receives goods during the pickup window',
  }),
  NO_RECEIVING_HOURS_OVERLAP: () => ({
    verdict: 'FAIL',
    fr: 'aucun horaire de réception pendant le créneau de ramasse',
    en: 'no receiving hours during the pickup window',
  }),
  CATEGORIES_ACCEPTED: (p) => ({
    verdict: 'PASS',
    fr: `accepte ${p.acceptedItems} ${plural(p.acceptedItems, 'article', 'articles')} sur ${p.totalItems}`,
    en: `accepts ${p.acceptedItems} of ${p.totalItems} ${plural(p.totalItems, 'item', 'items')}`,
  }),
  CATEGORY_NOT_ACCEPTED: (p) => ({
    verdict: 'FAIL',
    fr: `catégorie ${p.categoryCode} non acceptée`,
    en: `category ${p.categoryCode} not accepted`,
  }),
  CAPACITY_AVAILABLE: (p) => ({
    verdict: 'PASS',
    fr: `${FR.format(p.freeKg)} kg de place libre en ${TEMPERATURE_WORDS[p.temperature].fr}`,
    en: `${EN.format(p.freeKg)} kg of free ${TEMPERATURE_WORDS[p.temperature].en} storage`,
  }),
  NO_CAPACITY: (p) => ({
    verdict: 'FAIL',
    fr: `plus de place en ${TEMPERATURE_WORDS[p.temperature].fr} ce jour-là (déclaré ${FR.format(p.declaredKg)} kg, déjà réservé ${FR.format(p.claimedKg)} kg)`,
    en: `no free ${TEMPERATURE_WORDS[p.temperature].en} storage that day (declared ${EN.format(p.declaredKg)} kg, already claimed ${EN.format(p.claimedKg)} kg)`,
  }),
  NOTHING_LEFT: () => ({ verdict: 'FAIL', fr: 'plus rien à réserver', en: 'nothing left to claim' }),
  DLC_MARGIN_MET: (p) => ({
    verdict: 'PASS',
    fr: `DLC ${FR.format(p.hoursAfterPickup)} h après la fin de la ramasse (marge ${FR.format(p.marginHours)} h)`,
    en: `use-by date ${EN.format(p.hoursAfterPickup)} h after the pickup window (margin ${EN.format(p.marginHours)} h)`,
  }),
  DLC_MARGIN_TOO_SHORT: (p) => ({
    verdict: 'FAIL',
    fr: `DLC seulement ${FR.format(p.hoursAfterPickup)} h après la fin de la ramasse (marge exigée ${FR.format(p.marginHours)} h)`,
    en: `use-by date only ${EN.format(p.hoursAfterPickup)} h after the pickup window (${EN.format(p.marginHours)} h margin required)`,
  }),
  DLC_EXPIRED: (p) => ({
    verdict: 'FAIL',
    fr: `DLC dépassée (${frDay(p.date)})`,
    en: `use-by date passed (${p.date})`,
  }),
  DLC_DATE_MISSING: () => ({ verdict: 'FAIL', fr: 'DLC sans date', en: 'use-by item without a date' }),
  DDM_BEFORE_DATE: (p) => ({
    verdict: 'PASS',
    fr: `DDM au ${frDay(p.date)}, non dépassée`,
    en: `best-before ${p.date}, not reached`,
  }),
  DDM_PAST_DATE: (p) => ({
    verdict: 'PASS',
    fr: `DDM dépassée de ${p.daysPast} ${plural(p.daysPast, 'jour', 'jours')} (${frDay(p.date)}), consommable`,
    en: `${p.daysPast} ${plural(p.daysPast, 'day', 'days')} past its best-before date (${p.date}), still fit to eat`,
  }),
  UNDATED: () => ({ verdict: 'PASS', fr: 'produit sans date', en: 'no date on the label' }),
  NO_ELIGIBLE_ITEM: () => ({
    verdict: 'FAIL',
    fr: 'aucun article ne peut lui être proposé',
    en: 'no item can be offered to it',
  }),
  SCORE_DISTANCE: (p) => ({
    verdict: 'INFO',
    fr: `proche : ${FR.format(p.distanceKm)} km (rayon ${FR.format(p.radiusKm)} km)`,
    en: `close: ${EN.format(p.distanceKm)} km (radius ${EN.format(p.radiusKm)} km)`,
  }),
  SCORE_URGENCY: (p) => ({
    verdict: 'INFO',
    fr: `urgent : ${FR.format(p.hoursLeft)} h restantes`,
    en: `urgent: ${EN.format(p.hoursLeft)} h left`,
  }),
  SCORE_CAPACITY_FIT: (p) => ({
    verdict: 'INFO',
    fr: `peut prendre ${FR.format(p.absorbableKg)} kg sur ${FR.format(p.offerKg)} kg`,
    en: `can take ${EN.format(p.absorbableKg)} kg of ${EN.format(p.offerKg)} kg`,
  }),
  SCORE_FAIRNESS: (p) => ({
    verdict: 'INFO',
    fr: `peu servie récemment : ${FR.format(p.kgPerPersonPerWeek)} kg par personne et par semaine sur 28 jours`,
    en: `little received lately: ${EN.format(p.kgPerPersonPerWeek)} kg per person per week over 28 days`,
  }),
  // The coarse reasons a donor reads (see offer-match-disclosure): nothing of the recipient's private profile.
  DISTANCE: (p) => ({ verdict: 'INFO', fr: `à ${FR.format(p.distanceKm)} km`, en: `${EN.format(p.distanceKm)} km away` }),
  TAKES_WHOLE_LOT: () => ({ verdict: 'INFO', fr: 'peut prendre tout le lot', en: 'can take the whole lot' }),
  TAKES_PART_OF_LOT: () => ({ verdict: 'INFO', fr: 'peut prendre une partie du lot', en: 'can take part of the lot' }),
};

function roundForWords(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Builds a reason with its two sentences; figures are rounded to one decimal, as they are shown. */
export function matchReason<C extends MatchReasonCode>(code: C, params: MatchReasonParams[C], itemId?: string): MatchReason {
  const wording = WORDING[code](params);
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries<string | number>(params)) {
    shown[key] = typeof value === 'number' ? roundForWords(value) : value;
  }
  return {
    code,
    verdict: wording.verdict,
    ...(itemId === undefined ? {} : { itemId }),
    fr: wording.fr,
    en: wording.en,
    params: shown,
  };
}
