import { type DomainError } from '../errors/domain-error';
import { OpeningHours, type OpeningDayInput } from '../site/opening-hours.value-object';
import {
  availableIntervalsBetween,
  isAvailableOn,
  isAvailableThroughout,
  MAX_ABSENCE_DAYS,
  parseAbsencePeriod,
  type AbsencePeriodInput,
  type DriverAvailability,
} from './driver-availability';

const HOUR = 3_600_000;

function availability(weekly: readonly OpeningDayInput[], absences: readonly AbsencePeriodInput[] = []): DriverAvailability {
  return { weekly: OpeningHours.parse(weekly, 'weekly'), absences: absences.map((absence) => parseAbsencePeriod(absence)) };
}

function totalMs(intervals: ReadonlyArray<{ start: Date; end: Date }>): number {
  return intervals.reduce((sum, interval) => sum + interval.end.getTime() - interval.start.getTime(), 0);
}

// 2026-11-24 is a Tuesday; 2026-03-29 and 2026-10-25 are the Sundays the clocks change in Paris.
const TUESDAY = '2026-11-24';

describe('driver availability', () => {
  const tuesdayAfternoons = availability([{ weekday: 2, intervals: [{ start: '14:00', end: '18:00' }] }]);

  it('is available inside a weekly interval, and not across its edges or on another weekday', () => {
    expect(isAvailableOn(tuesdayAfternoons, TUESDAY, '15:00', '17:00')).toBe(true);
    expect(isAvailableOn(tuesdayAfternoons, TUESDAY, '14:00', '18:00')).toBe(true);
    expect(isAvailableOn(tuesdayAfternoons, TUESDAY, '13:59', '15:00')).toBe(false);
    expect(isAvailableOn(tuesdayAfternoons, TUESDAY, '17:00', '18:01')).toBe(false);
    expect(isAvailableOn(tuesdayAfternoons, '2026-11-25', '15:00', '17:00')).toBe(false);
  });

  it('joins touching intervals, but not intervals with a gap', () => {
    const split = availability([
      {
        weekday: 2,
        intervals: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '14:00' },
          { start: '15:00', end: '18:00' },
        ],
      },
    ]);
    expect(isAvailableOn(split, TUESDAY, '11:00', '13:00')).toBe(true);
    expect(isAvailableOn(split, TUESDAY, '13:00', '16:00')).toBe(false);
  });

  it('is not available on any day of an absence, both ends included', () => {
    const away = availability(
      [1, 2, 3, 4].map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '20:00' }] })),
      [{ from: '2026-11-23', to: '2026-11-25' }],
    );
    expect(isAvailableOn(away, '2026-11-23', '09:00', '10:00')).toBe(false);
    expect(isAvailableOn(away, TUESDAY, '09:00', '10:00')).toBe(false);
    expect(isAvailableOn(away, '2026-11-25', '09:00', '10:00')).toBe(false);
    expect(isAvailableOn(away, '2026-11-26', '09:00', '10:00')).toBe(true);
  });

  it('reads the weekly hours in Paris time, whatever the UTC offset of the season', () => {
    const mondayMornings = availability([{ weekday: 1, intervals: [{ start: '09:00', end: '12:00' }] }]);
    // Winter: UTC+1; summer: UTC+2.
    expect(isAvailableThroughout(mondayMornings, new Date('2026-01-05T08:00:00Z'), new Date('2026-01-05T11:00:00Z'))).toBe(true);
    expect(isAvailableThroughout(mondayMornings, new Date('2026-07-06T07:00:00Z'), new Date('2026-07-06T10:00:00Z'))).toBe(true);
    expect(isAvailableThroughout(mondayMornings, new Date('2026-07-06T08:00:00Z'), new Date('2026-07-06T11:00:00Z'))).toBe(false);
  });

  it('spans midnight when an evening ends at 24:00 and the night goes on from 00:00', () => {
    const nights = availability([
      { weekday: 1, intervals: [{ start: '20:00', end: '24:00' }] },
      { weekday: 2, intervals: [{ start: '00:00', end: '06:00' }] },
    ]);
    // Monday 22:00 to Tuesday 02:00, Paris (UTC+1 in November).
    expect(isAvailableThroughout(nights, new Date('2026-11-23T21:00:00Z'), new Date('2026-11-24T01:00:00Z'))).toBe(true);
    expect(isAvailableOn(nights, '2026-11-23', '21:00', '24:00')).toBe(true);
  });

  describe('on the night the clocks go forward (2026-03-29, 02:00 → 03:00)', () => {
    const sundayNight = availability([{ weekday: 7, intervals: [{ start: '01:00', end: '04:00' }] }]);

    it('counts 01:00–04:00 as two real hours', () => {
      const day = availableIntervalsBetween(sundayNight, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z'));
      expect(day).toEqual([{ start: new Date('2026-03-29T00:00:00Z'), end: new Date('2026-03-29T02:00:00Z') }]);
      expect(totalMs(day)).toBe(2 * HOUR);
      expect(isAvailableOn(sundayNight, '2026-03-29', '01:00', '04:00')).toBe(true);
    });

    it('treats a time inside the skipped hour as the change itself', () => {
      const untilHalfPastTwo = availability([{ weekday: 7, intervals: [{ start: '00:00', end: '02:30' }] }]);
      expect(isAvailableOn(untilHalfPastTwo, '2026-03-29', '01:00', '03:00')).toBe(true);
      expect(isAvailableOn(untilHalfPastTwo, '2026-03-29', '01:00', '03:01')).toBe(false);
    });

    it('never finds a driver for a window that lasts no time', () => {
      expect(isAvailableOn(sundayNight, '2026-03-29', '02:15', '02:45')).toBe(false);
    });
  });

  describe('on the night the clocks go back (2026-10-25, 03:00 → 02:00)', () => {
    const sundayNight = availability([{ weekday: 7, intervals: [{ start: '01:00', end: '03:00' }] }]);

    it('counts 01:00–03:00 as three real hours, both readings of 02:30 included', () => {
      const day = availableIntervalsBetween(sundayNight, new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'));
      expect(day).toEqual([{ start: new Date('2026-10-24T23:00:00Z'), end: new Date('2026-10-25T02:00:00Z') }]);
      expect(isAvailableThroughout(sundayNight, new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'))).toBe(true);
      expect(isAvailableOn(sundayNight, '2026-10-25', '02:00', '03:00')).toBe(true);
    });

    it('stops at 03:00 winter time', () => {
      expect(isAvailableThroughout(sundayNight, new Date('2026-10-25T01:30:00Z'), new Date('2026-10-25T02:30:00Z'))).toBe(false);
    });
  });

  it('refuses a window that ends before it starts, or a time that is not one', () => {
    expect(() => isAvailableOn(tuesdayAfternoons, TUESDAY, '16:00', '15:00')).toThrow(
      expect.objectContaining({ code: 'OPENING_HOURS_END_BEFORE_START' }) as DomainError,
    );
    expect(() => isAvailableOn(tuesdayAfternoons, TUESDAY, '25:00', '26:00')).toThrow(expect.objectContaining({ code: 'INVALID_TIME_OF_DAY' }) as DomainError);
  });
});

describe('absence periods', () => {
  it('keeps a one-day absence and a year-long one', () => {
    expect(parseAbsencePeriod({ from: '2026-12-24', to: '2026-12-24' })).toEqual({ from: '2026-12-24', to: '2026-12-24' });
    expect(parseAbsencePeriod({ from: '2028-01-01', to: '2028-12-31' }).to).toBe('2028-12-31');
  });

  it('refuses an end before the start, naming the field', () => {
    expect(() => parseAbsencePeriod({ from: '2026-12-24', to: '2026-12-23' }, 'input')).toThrow(
      expect.objectContaining({ code: 'ABSENCE_END_BEFORE_START', field: 'input.to', params: { from: '2026-12-24', to: '2026-12-23' } }) as DomainError,
    );
  });

  it(`refuses an absence over ${MAX_ABSENCE_DAYS} days, and days that do not exist`, () => {
    expect(() => parseAbsencePeriod({ from: '2026-01-01', to: '2027-01-02' })).toThrow(
      expect.objectContaining({ code: 'ABSENCE_TOO_LONG', field: 'to' }) as DomainError,
    );
    expect(() => parseAbsencePeriod({ from: '2026-02-30', to: '2026-03-02' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'from' }) as DomainError,
    );
  });
});
