import { assertNever, dateRuleVerdict, dlcEnd, isCategoryWithin, TEMPERATURE_CLASSES, type DateKind, type TemperatureClass } from '#domain';
import { matchReason } from './match-reason.factory';
import type { MatchReason } from './match-reason.type';
import { DEFAULT_DLC_MARGIN_HOURS, type EligibilityContext, type MatchableItem, type MatchableOffer, type MatchableRecipient } from './matching-input.type';

/** Below this a quantity is rounding noise, not food: an item or a free storage must hold more. */
export const KG_EPSILON = 1e-9;

export interface EligibleItem {
  readonly itemId: string;
  readonly temperature: TemperatureClass;
  /** What this recipient could take of this item alone: its remaining kg within the free storage of its class. */
  readonly claimableKg: number;
  readonly dateKind: DateKind;
  /** DLC items: the instant the DLC ends (23:59:59.999 Europe/Paris). */
  readonly dlcEnd: Date | null;
  /** DLC items: hours of DLC left when the pickup window ends. */
  readonly dlcHoursAfterPickup: number | null;
  /** DDM items: whole days past the DDM today (0 when not past). */
  readonly ddmDaysPast: number | null;
}

export interface EligibilityAssessment {
  readonly offerId: string;
  readonly recipientId: string;
  readonly eligible: boolean;
  /**
   * Recipient-level reasons first, then per temperature class, then per item. Each FAIL says what
   * was refused: the recipient (no itemId, no temperature), a class's items (NO_CAPACITY) or one
   * item (itemId). The recipient is eligible when no recipient-level rule fails and an item is left.
   */
  readonly reasons: readonly MatchReason[];
  /** Empty when the recipient is not eligible, even if some items alone would pass. */
  readonly eligibleItems: readonly EligibleItem[];
  /** Kg of the eligible items it can absorb, each temperature class's free storage shared among that class's items. */
  readonly absorbableKg: number;
  readonly freeCapacityKg: Readonly<Record<TemperatureClass, number>>;
}

type DateCheck =
  | {
      readonly passes: true;
      readonly reason: MatchReason;
      readonly dlcEnd: Date | null;
      readonly dlcHoursAfterPickup: number | null;
      readonly ddmDaysPast: number | null;
    }
  | { readonly passes: false; readonly reason: MatchReason };

/**
 * The DLC margin and DDM rules (docs/domain-rules.md), as #domain decides them (dateRuleVerdict), turned into a reason in
 * words. The margin is judged at the end of the pickup window, the latest moment the recipient
 * takes charge; a DDM is only ever shown, never a reason to refuse.
 */
export function checkFoodDate(item: MatchableItem, offer: MatchableOffer, dlcMarginHours: number, now: Date): DateCheck {
  const verdict = dateRuleVerdict(item, offer.pickupUntil, dlcMarginHours, now);
  const none = { dlcEnd: null, dlcHoursAfterPickup: null, ddmDaysPast: null };
  switch (verdict.reason) {
    case 'NO_DATE':
      return { passes: true, reason: matchReason('UNDATED', {}, item.id), ...none };
    case 'DDM_NOT_PAST':
      return {
        passes: true,
        reason: matchReason('DDM_BEFORE_DATE', { date: item.date ?? '' }, item.id),
        ...none,
        ddmDaysPast: 0,
      };
    case 'DDM_PAST':
      return {
        passes: true,
        reason: matchReason('DDM_PAST_DATE', { date: item.date ?? '', daysPast: verdict.ddmDaysPast }, item.id),
        ...none,
        ddmDaysPast: verdict.ddmDaysPast,
      };
    case 'DLC_MARGIN_MET':
      return {
        passes: true,
        reason: matchReason('DLC_MARGIN_MET', { hoursAfterPickup: verdict.hoursLeftAtPickupEnd, marginHours: dlcMarginHours }, item.id),
        dlcEnd: item.date === null ? null : dlcEnd(item.date),
        dlcHoursAfterPickup: verdict.hoursLeftAtPickupEnd,
        ddmDaysPast: null,
      };
    case 'DLC_MARGIN_NOT_MET':
      return {
        passes: false,
        reason: matchReason('DLC_MARGIN_TOO_SHORT', { hoursAfterPickup: verdict.hoursLeftAtPickupEnd, marginHours: verdict.marginHours }, item.id),
      };
    case 'DLC_EXPIRED':
      return { passes: false, reason: matchReason('DLC_EXPIRED', { date: item.date ?? '' }, item.id) };
    case 'DLC_DATE_MISSING':
      return { passes: false, reason: matchReason('DLC_DATE_MISSING', {}, item.id) };
    default:
      return assertNever(verdict, 'date rule verdict');
  }
}

function overlapsWindow(offer: MatchableOffer, intervals: EligibilityContext['receivingIntervals']): boolean {
  const from = offer.pickupFrom.getTime();
  const until = offer.pickupUntil.getTime();
  // Touching is not overlapping: a door that opens when the window closes receives nothing.
  return intervals.some((interval) => interval.from.getTime() < until && interval.to.getTime() > from);
}

function freeCapacity(recipient: MatchableRecipient, context: EligibilityContext): Record<TemperatureClass, number> {
  const free = {} as Record<TemperatureClass, number>;
  for (const temperature of TEMPERATURE_CLASSES) {
    const declared = recipient.dailyCapacityKg[temperature] ?? 0;
    const claimed = context.claimedKgOnPickupDay[temperature] ?? 0;
    free[temperature] = Math.max(0, declared - claimed);
  }
  return free;
}

/**
 * May this recipient be offered this lot? Pure: everything that needs I/O (distance, claims,
 * opening hours, closures, the clock) arrives in `context`. Every rule leaves a reason, passed or
 * failed, so a donor can be told why an association was (not) told about the lot.
 */
export function assessEligibility(offer: MatchableOffer, recipient: MatchableRecipient, context: EligibilityContext): EligibilityAssessment {
  const reasons: MatchReason[] = [];
  let recipientPasses = true;
  const note = (reason: MatchReason): void => {
    reasons.push(reason);
    if (reason.verdict === 'FAIL') recipientPasses = false;
  };

  note(matchReason(recipient.verified ? 'RECIPIENT_VERIFIED' : 'RECIPIENT_NOT_VERIFIED', {}));
  const radius = { distanceKm: context.distanceKm, radiusKm: recipient.serviceRadiusKm };
  note(matchReason(context.distanceKm <= recipient.serviceRadiusKm ? 'WITHIN_RADIUS' : 'OUTSIDE_RADIUS', radius));
  note(matchReason(context.closedOnPickupDay ? 'CLOSED_ON_PICKUP_DAY' : 'OPEN_ON_PICKUP_DAY', {}));
  note(matchReason(overlapsWindow(offer, context.receivingIntervals) ? 'RECEIVING_HOURS_OVERLAP' : 'NO_RECEIVING_HOURS_OVERLAP', {}));

  const free = freeCapacity(recipient, context);
  const marginHours = recipient.dlcMarginHours ?? DEFAULT_DLC_MARGIN_HOURS;
  const itemReasons: MatchReason[] = [];
  const candidates: EligibleItem[] = [];
  const classesWanted = new Set<TemperatureClass>();
  let acceptedItems = 0;

  for (const item of offer.items) {
    if (item.remainingKg <= KG_EPSILON) {
      itemReasons.push(matchReason('NOTHING_LEFT', {}, item.id));
      continue;
    }
    if (!recipient.acceptedCategoryCodes.some((accepted) => isCategoryWithin(item.categoryCode, accepted))) {
      itemReasons.push(matchReason('CATEGORY_NOT_ACCEPTED', { categoryCode: item.categoryCode }, item.id));
      continue;
    }
    acceptedItems += 1;
    classesWanted.add(item.temperature);
    const date = checkFoodDate(item, offer, marginHours, context.now);
    itemReasons.push(date.reason);
    if (!date.passes || free[item.temperature] <= KG_EPSILON) continue;
    candidates.push({
      itemId: item.id,
      temperature: item.temperature,
      claimableKg: Math.min(item.remainingKg, free[item.temperature]),
      dateKind: item.dateKind,
      dlcEnd: date.dlcEnd,
      dlcHoursAfterPickup: date.dlcHoursAfterPickup,
      ddmDaysPast: date.ddmDaysPast,
    });
  }

  if (acceptedItems > 0) {
    reasons.push(matchReason('CATEGORIES_ACCEPTED', { acceptedItems, totalItems: offer.items.length }));
  }
  // Capacity is stated once per temperature class: several items of one class share one fridge.
  for (const temperature of TEMPERATURE_CLASSES) {
    if (!classesWanted.has(temperature)) continue;
    reasons.push(
      free[temperature] > KG_EPSILON
        ? matchReason('CAPACITY_AVAILABLE', { temperature, freeKg: free[temperature] })
        : matchReason('NO_CAPACITY', {
            temperature,
            declaredKg: recipient.dailyCapacityKg[temperature] ?? 0,
            claimedKg: context.claimedKgOnPickupDay[temperature] ?? 0,
          }),
    );
  }
  reasons.push(...itemReasons);
  if (candidates.length === 0) reasons.push(matchReason('NO_ELIGIBLE_ITEM', {}));

  const eligible = recipientPasses && candidates.length > 0;
  const eligibleItems = eligible ? candidates : [];
  return {
    offerId: offer.id,
    recipientId: recipient.id,
    eligible,
    reasons,
    eligibleItems,
    absorbableKg: absorbable(eligibleItems, free),
    freeCapacityKg: free,
  };
}

function absorbable(items: readonly EligibleItem[], free: Readonly<Record<TemperatureClass, number>>): number {
  const wanted = new Map<TemperatureClass, number>();
  for (const item of items) wanted.set(item.temperature, (wanted.get(item.temperature) ?? 0) + item.claimableKg);
  let total = 0;
  for (const [temperature, kg] of wanted) total += Math.min(kg, free[temperature]);
  return total;
}
