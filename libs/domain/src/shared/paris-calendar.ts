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
  // A fresh Date each time: callers may not share a mutable object.
  return new Date(remember(dayEnds, day, () => parisDay(day).plus({ days: 1 }).toJSDate().getTime()));
}

/** The Paris calendar day an instant falls on. */
export function parisDayOf(instant: Date): CalendarDay {
  const time = instant.getTime();
  if (!Number.isFinite(time)) return invalidInstant(instant);
  return remember(daysOfInstants, time, () => DateTime.fromMillis(time, { zone: PARIS_ZONE }).toISODate() ?? invalidInstant(instant));
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return remember(shiftedDays, `${day}|${days}`, () => parisDay(day).plus({ days }).toISODate() ?? invalidDay(day));
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
  // luxon DateTimes are immutable, so one per day can be shared.
  return remember(parisDays, day, () => {
    const parsed = DateTime.fromISO(day, { zone: PARIS_ZONE });
    if (!CALENDAR_DAY.test(day) || !parsed.isValid) return invalidDay(day);
    return parsed.startOf('day');
  });
}

/*
 * Matching evaluates these for every item of every candidate recipient, and luxon's time-zone
 * arithmetic (Intl formatting under the hood) was most of its CPU time. Each answer depends on its
 * key alone, so it is kept; a map that grows past the limit is simply emptied (dates cluster around
 * today, so it fills again with what is in use). Invalid input throws and is never kept.
 */
const CACHE_LIMIT = 4096;
const parisDays = new Map<CalendarDay, DateTime>();
const dayEnds = new Map<CalendarDay, number>();
const shiftedDays = new Map<string, CalendarDay>();
const daysOfInstants = new Map<number, CalendarDay>();

function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function invalidDay(day: string): never {
  throw new DomainError('INVALID_DATE', undefined, { value: day });
}

function invalidInstant(instant: Date): never {
  throw new DomainError('INVALID_DATETIME', undefined, { value: String(instant) });
}
