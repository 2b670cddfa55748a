import { DateKind } from '../shared/date-kind';
import { type CalendarDay, calendarDaysBetween, endOfParisDayExclusive, parisDayOf } from '../shared/paris-calendar';
import { assertNever } from '../shared/assert-never';

const MS_PER_HOUR = 3_600_000;

/**
 * The last instant a DLC item may be eaten: a date printed on a label is French civil time, and
 * "à consommer jusqu'au 12/03" includes all of 12 March in Paris.
 */
export function dlcEnd(date: CalendarDay): Date {
  return new Date(endOfParisDayExclusive(date).getTime() - 1);
}

export function isDlcExpired(date: CalendarDay, now: Date): boolean {
  return now.getTime() > dlcEnd(date).getTime();
}

/**
 * Hours from `instant` to the end of the DLC day; negative once expired. Measured to the exclusive
 * end of the day so that taking charge at midnight two days before leaves exactly 48 h.
 */
export function dlcHoursLeftAt(date: CalendarDay, instant: Date): number {
  return (endOfParisDayExclusive(date).getTime() - instant.getTime()) / MS_PER_HOUR;
}

/**
 * Décret 2016-1962: the recipient must still have `marginHours` when it takes charge. We judge at
 * the end of the pickup window, the latest it can take charge, so the rule holds however late the
 * driver comes.
 */
export function isDlcMarginMet(date: CalendarDay, pickupUntil: Date, marginHours: number): boolean {
  return dlcHoursLeftAt(date, pickupUntil) >= marginHours;
}

/** How many whole Paris days a best-before date is behind `at`; 0 on the day itself or before. */
export function ddmDaysPast(date: CalendarDay, at: Date): number {
  return Math.max(0, calendarDaysBetween(date, parisDayOf(at)));
}

export interface DatedItem {
  readonly dateKind: DateKind;
  readonly date: CalendarDay | null;
}

export type DateRuleVerdict =
  /** Non-food, fresh produce without a date, or a DDM item with no date printed. */
  | { readonly allowed: true; readonly reason: 'NO_DATE' }
  | { readonly allowed: true; readonly reason: 'DLC_MARGIN_MET'; readonly hoursLeftAtPickupEnd: number }
  | { readonly allowed: true; readonly reason: 'DDM_NOT_PAST' }
  /** EU 2021/382: still allowed; the match tells the recipient how far past it is. */
  | { readonly allowed: true; readonly reason: 'DDM_PAST'; readonly ddmDaysPast: number }
  | { readonly allowed: false; readonly reason: 'DLC_EXPIRED' }
  | {
      readonly allowed: false;
      readonly reason: 'DLC_MARGIN_NOT_MET';
      readonly hoursLeftAtPickupEnd: number;
      readonly marginHours: number;
    }
  /** Validated items cannot be in this state; stored data might. */
  | { readonly allowed: false; readonly reason: 'DLC_DATE_MISSING' };

export type DateRuleReason = DateRuleVerdict['reason'];

/**
 * Whether an item may go to a recipient needing `marginHours` of DLC left, if the goods are taken
 * by `pickupUntil` at the latest (docs/domain-rules.md, DLC margin and DDM).
 */
export function dateRuleVerdict(item: DatedItem, pickupUntil: Date, marginHours: number, now: Date): DateRuleVerdict {
  switch (item.dateKind) {
    case DateKind.NONE:
      return { allowed: true, reason: 'NO_DATE' };
    case DateKind.DDM: {
      if (item.date === null) return { allowed: true, reason: 'NO_DATE' };
      const daysPast = ddmDaysPast(item.date, now);
      return daysPast > 0 ? { allowed: true, reason: 'DDM_PAST', ddmDaysPast: daysPast } : { allowed: true, reason: 'DDM_NOT_PAST' };
    }
    case DateKind.DLC: {
      if (item.date === null) return { allowed: false, reason: 'DLC_DATE_MISSING' };
      if (isDlcExpired(item.date, now)) return { allowed: false, reason: 'DLC_EXPIRED' };
      const hoursLeftAtPickupEnd = dlcHoursLeftAt(item.date, pickupUntil);
      return hoursLeftAtPickupEnd >= marginHours
        ? { allowed: true, reason: 'DLC_MARGIN_MET', hoursLeftAtPickupEnd }
        : { allowed: false, reason: 'DLC_MARGIN_NOT_MET', hoursLeftAtPickupEnd, marginHours };
    }
    default:
      return assertNever(item.dateKind, 'date kind');
  }
}
