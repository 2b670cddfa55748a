import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error';

/**
 * Dates on labels, opening hours and closures are French civil time: a DLC printed "12/03" ends at
 * midnight in Paris whatever the server's zone, and the length of a day changes twice a year.
 */
export const PARIS_ZONE = 'Europe/Paris';

/** A calendar day, 'YYYY-MM-DD', read in Europe/Paris. */
export type CalendarDay = string;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(raw: string): boolean {
  return CALENDAR_DAY.test(raw) && DateTime.fromISO(raw, { zone: PARIS_ZONE }).isValid;
}

/** Accepts only a real day in the strict 'YYYY-MM-DD' form (no '2025-02-30', no time part). */
export function parseCalendarDay(raw: string, field: string): CalendarDay {
  const trimmed = raw.trim();
  if (!isCalendarDay(trimmed)) throw new DomainError('INVALID_DATE', field, { value: raw });
  return trimmed;
}

/** The first instant of a Paris day, as a UTC Date. */
export function startOfParisDay(day: CalendarDay): Date {
  return parisDay(day).toJSDate();
}

/**
 * The first instant after a Paris day, i.e. the exclusive end of that day. Durations are measured to
 * this bound so that a whole day counts as 24 hours (23 or 25 on the days the clocks change).
 */
export function endOfParisDayExclusive(day: CalendarDay): Date {
  // Matching asks this for every use-by item of every candidate, and luxon's zone arithmetic is the
  // costly part: the answer depends on the day alone, so it is computed once per day.
  let end = dayEnds.get(day);
  if (end === undefined) {
    end = parisDay(day).plus({ days: 1 }).toJSDate().getTime();
    if (dayEnds.size >= DAY_CACHE_LIMIT) dayEnds.clear();
    dayEnds.set(day, end);
  }
  // A fresh Date each time: callers may not share a mutable object.
  return new Date(end);
}

// About ten years of days; cleared rather than evicted one by one, which is plenty for dates that cluster.
const DAY_CACHE_LIMIT = 4096;
const dayEnds = new Map<CalendarDay, number>();

/** The Paris calendar day an instant falls on. */
export function parisDayOf(instant: Date): CalendarDay {
  return DateTime.fromJSDate(instant, { zone: PARIS_ZONE }).toISODate() ?? invalidInstant(instant);
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return parisDay(day).plus({ days }).toISODate() ?? invalidDay(day);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDay, to: CalendarDay): number {
  // Noon UTC of each day: never near a day boundary, so the division is exact in days.
  const a = Date.parse(`${from}T12:00:00Z`);
  const b = Date.parse(`${to}T12:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** ISO weekday of a Paris day: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(day: CalendarDay): IsoWeekday {
  return parisDay(day).weekday as IsoWeekday;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export function isValidInstant(value: Date): boolean {
  return value instanceof Date && Number.isFinite(value.getTime());
}

export function assertValidInstant(value: Date, field: string): void {
  if (!isValidInstant(value)) throw new DomainError('INVALID_DATETIME', field);
}

function parisDay(day: CalendarDay): DateTime {
  const parsed = DateTime.fromISO(day, { zone: PARIS_ZONE });
  if (!CALENDAR_DAY.test(day) || !parsed.isValid) return invalidDay(day);
  return parsed.startOf('day');
}

function invalidDay(day: string): never {
  throw new DomainError('INVALID_DATE', undefined, { value: day });
}

function invalidInstant(instant: Date): never {
  throw new DomainError('INVALID_DATETIME', undefined, { value: String(instant) });
}
