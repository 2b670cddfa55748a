import fc from 'fast-check';
import { type DomainError } from '../errors/domain-error';
import {
  addCalendarDays,
  calendarDaysBetween,
  endOfParisDayExclusive,
  isCalendarDay,
  isoWeekdayOf,
  parisDayOf,
  parseCalendarDay,
  startOfParisDay,
} from './paris-calendar';

describe('Paris calendar', () => {
  it('accepts real days only, in the strict form', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
    expect(isCalendarDay('2025-01-01T00:00')).toBe(false);
    expect(parseCalendarDay(' 2025-06-01 ', 'date')).toBe('2025-06-01');
  });

  it('names the field when a day is not valid', () => {
    expect(() => parseCalendarDay('31/12/2025', 'items.0.date')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'items.0.date' }) as DomainError,
    );
  });

  it('starts a Paris day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(startOfParisDay('2025-01-15').toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfParisDay('2025-07-15').toISOString()).toBe('2025-07-14T22:00:00.000Z');
  });

  it('gives the days the clocks change 23 and 25 hours', () => {
    const hours = (day: string) => (endOfParisDayExclusive(day).getTime() - startOfParisDay(day).getTime()) / 3_600_000;
    expect(hours('2025-03-30')).toBe(23);
    expect(hours('2025-10-26')).toBe(25);
    expect(hours('2025-06-01')).toBe(24);
  });

  it('reads the Paris day of an instant, not the UTC day', () => {
    expect(parisDayOf(new Date('2025-07-14T22:30:00Z'))).toBe('2025-07-15');
    expect(parisDayOf(new Date('2025-01-14T22:30:00Z'))).toBe('2025-01-14');
  });

  it('numbers weekdays from Monday = 1', () => {
    expect(isoWeekdayOf('2025-06-02')).toBe(1);
    expect(isoWeekdayOf('2025-06-08')).toBe(7);
  });

  it('adds days and measures the gap consistently (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (instant, days) => {
          const day = parisDayOf(instant);
          const later = addCalendarDays(day, days);
          expect(isCalendarDay(later)).toBe(true);
          expect(calendarDaysBetween(day, later)).toBe(days);
        },
      ),
    );
  });

  it('puts every instant inside the Paris day it belongs to (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (instant) => {
        const day = parisDayOf(instant);
        expect(startOfParisDay(day).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(endOfParisDayExclusive(day).getTime()).toBeGreaterThan(instant.getTime());
      }),
    );
  });
});
