import { DomainError } from '../errors/domain-error';
import { calendarDaysBetween, endOfParisDayExclusive, isoWeekdayOf, parseCalendarDay, startOfParisDay, type CalendarDay } from '../shared/paris-calendar';
import { OpeningHours, openIntervalsBetween, type ClosurePeriod, type UtcInterval } from '../site/opening-hours.value-object';

/** A year and a day: longer absences are better entered as "no weekly hours". */
export const MAX_ABSENCE_DAYS = 366;
/** Upcoming (not yet ended) absences one driver may have at once; keeps the list short and bounded. */
export const MAX_UPCOMING_ABSENCES = 50;

/**
 * When a volunteer driver can drive, as associations' volunteer calendars put it: weekly hours in
 * Paris wall-clock time (the same rules as a site's opening hours, so one definition of "Tuesday
 * 14:00–18:00" across Glane) and one-off absences, whole Paris days, both ends inclusive.
 */
export interface DriverAvailability {
  readonly weekly: OpeningHours;
  /** Same shape as a site's closures: a driver away is a site closed. */
  readonly absences: readonly ClosurePeriod[];
}

export interface AbsencePeriodInput {
  /** First day away, 'YYYY-MM-DD' (Paris). */
  readonly from: string;
  /** Last day away, inclusive. */
  readonly to: string;
}

export function parseAbsencePeriod(input: AbsencePeriodInput, field = ''): ClosurePeriod {
  const prefix = field === '' ? '' : `${field}.`;
  const from = parseCalendarDay(input.from, `${prefix}from`);
  const to = parseCalendarDay(input.to, `${prefix}to`);
  if (to < from) throw new DomainError('ABSENCE_END_BEFORE_START', `${prefix}to`, { from, to });
  if (calendarDaysBetween(from, to) + 1 > MAX_ABSENCE_DAYS) throw new DomainError('ABSENCE_TOO_LONG', `${prefix}to`, { max: MAX_ABSENCE_DAYS });
  return Object.freeze({ from, to });
}

/**
 * The instants within [fromUtc, toUtc) when the driver is available: sorted, disjoint, touching
 * stretches merged (an evening to midnight then a night from midnight is one stretch). Daylight
 * saving is the opening hours' rule: the wall clock decides.
 */
export function availableIntervalsBetween(availability: DriverAvailability, fromUtc: Date, toUtc: Date): UtcInterval[] {
  return openIntervalsBetween(availability.weekly, availability.absences, fromUtc, toUtc);
}

/** Whether the driver is available for the whole of [fromUtc, toUtc), which must last some time. */
export function isAvailableThroughout(availability: DriverAvailability, fromUtc: Date, toUtc: Date): boolean {
  const available = availableIntervalsBetween(availability, fromUtc, toUtc);
  // The stretches are merged and clipped to the window: covering it means being exactly one, equal to it.
  const only = available.length === 1 ? available[0] : undefined;
  return only !== undefined && only.start.getTime() === fromUtc.getTime() && only.end.getTime() === toUtc.getTime();
}

/**
 * Whether the driver is available on Paris day `day` from wall-clock `start` to `end` ('HH:mm', end
 * after start, '24:00' for midnight): not away that day, and inside one of that weekday's intervals
 * the whole time. The window is read on the wall clock like the weekly hours, so on the night clocks
 * go forward 01:00–04:00 lasts two hours, and a window wholly inside the skipped hour lasts none and
 * is never available. Bad times or an end before the start throw the opening hours' coded errors.
 */
export function isAvailableOn(availability: DriverAvailability, day: CalendarDay, start: string, end: string): boolean {
  const window = OpeningHours.parse([{ weekday: isoWeekdayOf(day), intervals: [{ start, end }] }], 'window');
  const stretches = openIntervalsBetween(window, [], startOfParisDay(day), endOfParisDayExclusive(day));
  return stretches.length > 0 && stretches.every((stretch) => isAvailableThroughout(availability, stretch.start, stretch.end));
}
