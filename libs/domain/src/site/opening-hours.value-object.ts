import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error';
import {
  addCalendarDays,
  type CalendarDay,
  endOfParisDayExclusive,
  ISO_WEEKDAYS,
  isoWeekdayOf,
  type IsoWeekday,
  PARIS_ZONE,
  parisDayOf,
  parseCalendarDay,
  startOfParisDay,
} from '../shared/paris-calendar';

export const MAX_OPENING_INTERVALS_PER_DAY = 6;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;

export interface OpeningIntervalInput {
  /** 'HH:mm', Paris wall-clock time. */
  readonly start: string;
  /** 'HH:mm' after start; '24:00' means until midnight. Intervals do not cross midnight: split them. */
  readonly end: string;
}

export interface OpeningDayInput {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly intervals: readonly OpeningIntervalInput[];
}

/** Minutes after local midnight, end exclusive: [startMinute, endMinute). */
export interface LocalInterval {
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface UtcInterval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * When a site receives goods (or can be collected from), as Paris wall-clock hours per weekday.
 * Only valid hours can exist: each day's intervals are sorted, non-empty, non-overlapping, at most six.
 */
export class OpeningHours {
  private constructor(private readonly byWeekday: ReadonlyMap<IsoWeekday, readonly LocalInterval[]>) {
    Object.freeze(this);
  }

  /** @param field the input path of the list, so errors name e.g. 'openingHours.2.intervals.1.end'. */
  static parse(days: readonly OpeningDayInput[], field = 'openingHours'): OpeningHours {
    const byWeekday = new Map<IsoWeekday, readonly LocalInterval[]>();
    days.forEach((day, dayIndex) => {
      const dayField = `${field}.${dayIndex}`;
      const weekday = day.weekday;
      if (!isIsoWeekday(weekday)) {
        throw new DomainError('INVALID_WEEKDAY', `${dayField}.weekday`, { min: 1, max: 7 });
      }
      if (byWeekday.has(weekday)) {
        throw new DomainError('OPENING_HOURS_DUPLICATE_WEEKDAY', `${dayField}.weekday`, { weekday });
      }
      if (day.intervals.length > MAX_OPENING_INTERVALS_PER_DAY) {
        throw new DomainError('OPENING_HOURS_TOO_MANY_INTERVALS', `${dayField}.intervals`, {
          max: MAX_OPENING_INTERVALS_PER_DAY,
        });
      }
      const parsed = day.intervals.map((interval, index) => {
        const intervalField = `${dayField}.intervals.${index}`;
        const startMinute = parseTimeOfDay(interval.start, `${intervalField}.start`, false);
        const endMinute = parseTimeOfDay(interval.end, `${intervalField}.end`, true);
        if (endMinute <= startMinute) {
          throw new DomainError('OPENING_HOURS_END_BEFORE_START', `${intervalField}.end`, {
            start: interval.start,
            end: interval.end,
          });
        }
        return { startMinute, endMinute, index };
      });
      const sorted = [...parsed].sort((a, b) => a.startMinute - b.startMinute || a.index - b.index);
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        // Touching intervals (12:00–14:00 then 14:00–18:00) are fine; sharing a minute is not.
        if (previous !== undefined && current !== undefined && current.startMinute < previous.endMinute) {
          const later = Math.max(previous.index, current.index);
          throw new DomainError('OPENING_HOURS_OVERLAP', `${dayField}.intervals.${later}`, {
            weekday,
          });
        }
      }
      byWeekday.set(weekday, Object.freeze(sorted.map(({ startMinute, endMinute }) => Object.freeze({ startMinute, endMinute }))));
    });
    return new OpeningHours(byWeekday);
  }

  /** The same hours every day of the week, e.g. for tests and round-the-clock depots. */
  static everyDay(intervals: readonly OpeningIntervalInput[]): OpeningHours {
    return OpeningHours.parse(ISO_WEEKDAYS.map((weekday) => ({ weekday, intervals })));
  }

  intervalsOn(weekday: IsoWeekday): readonly LocalInterval[] {
    return this.byWeekday.get(weekday) ?? [];
  }

  /** True when the site never opens: nothing can be delivered there. */
  isNeverOpen(): boolean {
    return ISO_WEEKDAYS.every((weekday) => this.intervalsOn(weekday).length === 0);
  }

  /** The input shape again, Monday first, days without hours left out: for storage and the API. */
  toInput(): OpeningDayInput[] {
    return ISO_WEEKDAYS.filter((weekday) => this.intervalsOn(weekday).length > 0).map((weekday) => ({
      weekday,
      intervals: this.intervalsOn(weekday).map((interval) => ({
        start: formatTimeOfDay(interval.startMinute),
        end: formatTimeOfDay(interval.endMinute),
      })),
    }));
  }
}

export interface ClosurePeriodInput {
  /** First closed day, 'YYYY-MM-DD'. */
  readonly from: string;
  /** Last closed day, inclusive. */
  readonly to: string;
}

export interface ClosurePeriod {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

export function parseClosurePeriods(periods: readonly ClosurePeriodInput[], field = 'closures'): readonly ClosurePeriod[] {
  return Object.freeze(
    periods.map((period, index) => {
      const from = parseCalendarDay(period.from, `${field}.${index}.from`);
      const to = parseCalendarDay(period.to, `${field}.${index}.to`);
      if (to < from) {
        throw new DomainError('CLOSURE_END_BEFORE_START', `${field}.${index}.to`, { from, to });
      }
      return Object.freeze({ from, to });
    }),
  );
}

export function isClosedOn(closures: readonly ClosurePeriod[], day: CalendarDay): boolean {
  // 'YYYY-MM-DD' strings order as the days they name.
  return closures.some((closure) => closure.from <= day && day <= closure.to);
}

/**
 * The instants within [fromUtc, toUtc) when the site is open: on a day it is not closed, and when the
 * Paris wall clock reads a time inside one of that weekday's intervals. Sorted, disjoint, never empty
 * intervals, touching ones merged (so 20:00–24:00 then 00:00–06:00 is one night).
 *
 * Wall-clock reading decides, so on the night clocks go forward an interval 02:00–04:00 lasts one
 * hour, and on the night they go back 02:00–03:00 lasts two.
 */
export function openIntervalsBetween(hours: OpeningHours, closures: readonly ClosurePeriod[], fromUtc: Date, toUtc: Date): UtcInterval[] {
  const from = fromUtc.getTime();
  const to = toUtc.getTime();
  if (!(to > from)) return [];
  const pieces: Array<[number, number]> = [];
  const lastDay = parisDayOf(toUtc);
  for (let day = parisDayOf(fromUtc); day <= lastDay; day = addCalendarDays(day, 1)) {
    if (isClosedOn(closures, day)) continue;
    const intervals = hours.intervalsOn(isoWeekdayOf(day));
    if (intervals.length === 0) continue;
    for (const segment of wallClockSegments(day)) {
      for (const interval of intervals) {
        const wallStart = Math.max(interval.startMinute, segment.wallStartMinute);
        const wallEnd = Math.min(interval.endMinute, segment.wallEndMinute);
        if (wallEnd <= wallStart) continue;
        const start = Math.max(from, segment.dayStartMs + (wallStart - segment.shiftMinutes) * MS_PER_MINUTE);
        const end = Math.min(to, segment.dayStartMs + (wallEnd - segment.shiftMinutes) * MS_PER_MINUTE);
        if (end > start) pieces.push([start, end]);
      }
    }
  }
  return mergeTouching(pieces).map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

/** Whether the site has receiving hours overlapping [fromUtc, toUtc) on a day it is not closed. */
export function isOpenDuring(hours: OpeningHours, closures: readonly ClosurePeriod[], fromUtc: Date, toUtc: Date): boolean {
  return openIntervalsBetween(hours, closures, fromUtc, toUtc).length > 0;
}

export function isOpenAt(hours: OpeningHours, closures: readonly ClosurePeriod[], instant: Date): boolean {
  return isOpenDuring(hours, closures, instant, new Date(instant.getTime() + 1));
}

/** Total open time within the window, in milliseconds. */
export function openDurationMs(hours: OpeningHours, closures: readonly ClosurePeriod[], fromUtc: Date, toUtc: Date): number {
  return openIntervalsBetween(hours, closures, fromUtc, toUtc).reduce((total, interval) => total + (interval.end.getTime() - interval.start.getTime()), 0);
}

export function formatTimeOfDay(minute: number): string {
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function parseTimeOfDay(raw: string, field: string, allowMidnightEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(raw.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || minutes > 59 || hours > 24 || (hours === 24 && (minutes !== 0 || !allowMidnightEnd))) {
    throw new DomainError('INVALID_TIME_OF_DAY', field, { value: raw });
  }
  return hours * 60 + minutes;
}

function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/**
 * A stretch of one Paris day with a constant UTC offset. `shiftMinutes` is how far the wall clock
 * has moved since midnight (+60 after the spring change, −60 after the autumn one), so an instant
 * in the segment is dayStart + (wallMinute − shift) minutes.
 */
interface WallClockSegment {
  readonly dayStartMs: number;
  readonly wallStartMinute: number;
  readonly wallEndMinute: number;
  readonly shiftMinutes: number;
}

function wallClockSegments(day: CalendarDay): WallClockSegment[] {
  const dayStartMs = startOfParisDay(day).getTime();
  const dayEndMs = endOfParisDayExclusive(day).getTime();
  const elapsedMinutes = (dayEndMs - dayStartMs) / MS_PER_MINUTE;
  const shiftMinutes = MINUTES_PER_DAY - elapsedMinutes;
  if (shiftMinutes === 0) {
    return [{ dayStartMs, wallStartMinute: 0, wallEndMinute: MINUTES_PER_DAY, shiftMinutes: 0 }];
  }
  const changeMinute = offsetChangeMinute(dayStartMs, elapsedMinutes);
  return [
    { dayStartMs, wallStartMinute: 0, wallEndMinute: changeMinute, shiftMinutes: 0 },
    {
      dayStartMs,
      wallStartMinute: changeMinute + shiftMinutes,
      wallEndMinute: MINUTES_PER_DAY,
      shiftMinutes,
    },
  ];
}

/** Minutes after the day's start at which the offset changes; binary search, as zones change on the minute. */
function offsetChangeMinute(dayStartMs: number, elapsedMinutes: number): number {
  const offsetAt = (minute: number) => DateTime.fromMillis(dayStartMs + minute * MS_PER_MINUTE, { zone: PARIS_ZONE }).offset;
  const initial = offsetAt(0);
  let low = 0; // offset still the initial one
  let high = elapsedMinutes; // offset already the new one (the next midnight)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle) === initial) low = middle;
    else high = middle;
  }
  return high;
}

function mergeTouching(pieces: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...pieces].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
