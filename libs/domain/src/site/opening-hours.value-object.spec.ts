import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ISO_WEEKDAYS, type IsoWeekday, PARIS_ZONE } from '../shared/paris-calendar';
import {
  type ClosurePeriod,
  formatTimeOfDay,
  isClosedOn,
  isOpenAt,
  isOpenDuring,
  openDurationMs,
  OpeningHours,
  type OpeningDayInput,
  openIntervalsBetween,
  parseClosurePeriods,
} from './opening-hours.value-object';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const weekdays = (intervals: Array<[string, string]>): OpeningDayInput[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: intervals.map(([start, end]) => ({ start, end })) }));
const iso = (intervals: Array<{ start: Date; end: Date }>) => intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('OpeningHours.parse', () => {
  it('keeps valid hours, sorted, and gives them back in the input shape', () => {
    const hours = OpeningHours.parse([
      {
        weekday: 3,
        intervals: [
          { start: '14:00', end: '18:30' },
          { start: '08:00', end: '12:00' },
        ],
      },
      { weekday: 6, intervals: [{ start: '20:00', end: '24:00' }] },
      { weekday: 7, intervals: [] },
    ]);
    expect(hours.intervalsOn(3)).toEqual([
      { startMinute: 480, endMinute: 720 },
      { startMinute: 840, endMinute: 1110 },
    ]);
    expect(hours.toInput()).toEqual([
      {
        weekday: 3,
        intervals: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:30' },
        ],
      },
      { weekday: 6, intervals: [{ start: '20:00', end: '24:00' }] },
    ]);
    expect(hours.isNeverOpen()).toBe(false);
    expect(OpeningHours.parse([]).isNeverOpen()).toBe(true);
  });

  it('allows touching intervals', () => {
    expect(() =>
      OpeningHours.parse([
        {
          weekday: 1,
          intervals: [
            { start: '08:00', end: '12:00' },
            { start: '12:00', end: '14:00' },
          ],
        },
      ]),
    ).not.toThrow();
  });

  it.each<[string, OpeningDayInput[], string, string]>([
    [
      'an end before the start',
      [{ weekday: 1, intervals: [{ start: '18:00', end: '09:00' }] }],
      'OPENING_HOURS_END_BEFORE_START',
      'openingHours.0.intervals.0.end',
    ],
    ['an empty interval', [{ weekday: 2, intervals: [{ start: '09:00', end: '09:00' }] }], 'OPENING_HOURS_END_BEFORE_START', 'openingHours.0.intervals.0.end'],
    [
      'overlapping intervals',
      [
        {
          weekday: 1,
          intervals: [
            { start: '13:00', end: '18:00' },
            { start: '08:00', end: '13:30' },
          ],
        },
      ],
      'OPENING_HOURS_OVERLAP',
      'openingHours.0.intervals.1',
    ],
    [
      'seven intervals in a day',
      [{ weekday: 1, intervals: Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` })) }],
      'OPENING_HOURS_TOO_MANY_INTERVALS',
      'openingHours.0.intervals',
    ],
    ['weekday 0', [{ weekday: 0, intervals: [] }], 'INVALID_WEEKDAY', 'openingHours.0.weekday'],
    ['weekday 8', [{ weekday: 8, intervals: [] }], 'INVALID_WEEKDAY', 'openingHours.0.weekday'],
    ['weekday 1.5', [{ weekday: 1.5, intervals: [] }], 'INVALID_WEEKDAY', 'openingHours.0.weekday'],
    [
      'the same weekday twice',
      [
        { weekday: 4, intervals: [] },
        { weekday: 4, intervals: [] },
      ],
      'OPENING_HOURS_DUPLICATE_WEEKDAY',
      'openingHours.1.weekday',
    ],
    ['a time of 9:00', [{ weekday: 1, intervals: [{ start: '9:00', end: '12:00' }] }], 'INVALID_TIME_OF_DAY', 'openingHours.0.intervals.0.start'],
    ['a time of 12:60', [{ weekday: 1, intervals: [{ start: '09:00', end: '12:60' }] }], 'INVALID_TIME_OF_DAY', 'openingHours.0.intervals.0.end'],
    ['a start at 24:00', [{ weekday: 1, intervals: [{ start: '24:00', end: '24:00' }] }], 'INVALID_TIME_OF_DAY', 'openingHours.0.intervals.0.start'],
    ['an end at 24:30', [{ weekday: 1, intervals: [{ start: '22:00', end: '24:30' }] }], 'INVALID_TIME_OF_DAY', 'openingHours.0.intervals.0.end'],
  ])('refuses %s', (_case, input, code, field) => {
    expect(() => OpeningHours.parse(input)).toThrow(expect.objectContaining({ code, field }) as Error);
  });

  it('names fields under the prefix given', () => {
    expect(() => OpeningHours.parse([{ weekday: 9, intervals: [] }], 'receivingHours')).toThrow(
      expect.objectContaining({ field: 'receivingHours.0.weekday' }) as Error,
    );
  });
});

describe('closure periods', () => {
  it('are inclusive of both days', () => {
    const closures = parseClosurePeriods([{ from: '2025-08-01', to: '2025-08-15' }]);
    expect(isClosedOn(closures, '2025-07-31')).toBe(false);
    expect(isClosedOn(closures, '2025-08-01')).toBe(true);
    expect(isClosedOn(closures, '2025-08-15')).toBe(true);
    expect(isClosedOn(closures, '2025-08-16')).toBe(false);
    expect(() => parseClosurePeriods([{ from: '2025-12-25', to: '2025-12-25' }])).not.toThrow();
  });

  it('refuses a period that ends before it starts, or a bad day', () => {
    expect(() => parseClosurePeriods([{ from: '2025-08-15', to: '2025-08-01' }])).toThrow(
      expect.objectContaining({ code: 'CLOSURE_END_BEFORE_START', field: 'closures.0.to' }) as Error,
    );
    expect(() =>
      parseClosurePeriods([
        { from: '2025-08-01', to: '2025-08-15' },
        { from: '2025-02-30', to: '2025-03-01' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'closures.1.from' }) as Error);
  });
});

describe('openIntervalsBetween', () => {
  const hours = OpeningHours.parse(
    weekdays([
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ]),
  );

  it('converts Paris hours to UTC in winter (UTC+1) and summer (UTC+2)', () => {
    // Wednesday 15 January and Wednesday 16 July 2025.
    expect(iso(openIntervalsBetween(hours, [], at('2025-01-15T00:00:00Z'), at('2025-01-16T00:00:00Z')))).toEqual([
      ['2025-01-15T07:00:00.000Z', '2025-01-15T11:00:00.000Z'],
      ['2025-01-15T13:00:00.000Z', '2025-01-15T17:00:00.000Z'],
    ]);
    expect(iso(openIntervalsBetween(hours, [], at('2025-07-16T00:00:00Z'), at('2025-07-17T00:00:00Z')))).toEqual([
      ['2025-07-16T06:00:00.000Z', '2025-07-16T10:00:00.000Z'],
      ['2025-07-16T12:00:00.000Z', '2025-07-16T16:00:00.000Z'],
    ]);
  });

  it('clips to the window and skips the weekend', () => {
    // Friday 10:00 Paris to Monday 09:00 Paris, winter.
    expect(iso(openIntervalsBetween(hours, [], at('2025-01-17T09:00:00Z'), at('2025-01-20T08:00:00Z')))).toEqual([
      ['2025-01-17T09:00:00.000Z', '2025-01-17T11:00:00.000Z'],
      ['2025-01-17T13:00:00.000Z', '2025-01-17T17:00:00.000Z'],
      ['2025-01-20T07:00:00.000Z', '2025-01-20T08:00:00.000Z'],
    ]);
  });

  it('skips closed days', () => {
    const closures = parseClosurePeriods([{ from: '2025-01-15', to: '2025-01-15' }]);
    expect(isOpenDuring(hours, closures, at('2025-01-15T00:00:00Z'), at('2025-01-16T00:00:00Z'))).toBe(false);
    expect(isOpenDuring(hours, closures, at('2025-01-15T00:00:00Z'), at('2025-01-16T10:00:00Z'))).toBe(true);
  });

  it('needs a real overlap: a window ending as the site opens does not count', () => {
    expect(isOpenDuring(hours, [], at('2025-01-15T05:00:00Z'), at('2025-01-15T07:00:00Z'))).toBe(false);
    expect(isOpenDuring(hours, [], at('2025-01-15T05:00:00Z'), at('2025-01-15T07:00:01Z'))).toBe(true);
    expect(isOpenDuring(hours, [], at('2025-01-15T11:00:00Z'), at('2025-01-15T13:00:00Z'))).toBe(false);
    expect(openIntervalsBetween(hours, [], at('2025-01-15T12:00:00Z'), at('2025-01-15T08:00:00Z'))).toEqual([]);
  });

  it('merges a night that spans midnight into one interval', () => {
    const nights = OpeningHours.parse([
      { weekday: 1, intervals: [{ start: '20:00', end: '24:00' }] },
      { weekday: 2, intervals: [{ start: '00:00', end: '06:00' }] },
    ]);
    expect(iso(openIntervalsBetween(nights, [], at('2025-01-13T00:00:00Z'), at('2025-01-15T00:00:00Z')))).toEqual([
      ['2025-01-13T19:00:00.000Z', '2025-01-14T05:00:00.000Z'],
    ]);
  });

  it('counts 23 open hours on the day clocks go forward and 25 on the day they go back', () => {
    const always = OpeningHours.everyDay([{ start: '00:00', end: '24:00' }]);
    // Sunday 30 March and Sunday 26 October 2025, Paris.
    expect(openDurationMs(always, [], at('2025-03-29T23:00:00Z'), at('2025-03-30T22:00:00Z'))).toBe(23 * HOUR);
    expect(openDurationMs(always, [], at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z'))).toBe(25 * HOUR);
  });

  it('follows the wall clock through the night the clocks change', () => {
    const night = OpeningHours.everyDay([{ start: '01:30', end: '03:30' }]);
    // Spring: 02:00 CET jumps to 03:00 CEST; the wall clock shows 01:30–02:00 and 03:00–03:30.
    expect(iso(openIntervalsBetween(night, [], at('2025-03-29T23:00:00Z'), at('2025-03-30T22:00:00Z')))).toEqual([
      ['2025-03-30T00:30:00.000Z', '2025-03-30T01:30:00.000Z'],
    ]);
    // Autumn: 03:00 CEST falls back to 02:00 CET; 01:30–03:30 lasts three hours.
    expect(iso(openIntervalsBetween(night, [], at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z')))).toEqual([
      ['2025-10-25T23:30:00.000Z', '2025-10-26T02:30:00.000Z'],
    ]);
    // A time inside the spring gap does not exist: an interval wholly inside it never opens.
    const gap = OpeningHours.everyDay([{ start: '02:10', end: '02:50' }]);
    expect(isOpenDuring(gap, [], at('2025-03-29T23:00:00Z'), at('2025-03-30T22:00:00Z'))).toBe(false);
    // Ambiguous times happen twice: 02:10–02:50 opens twice on the autumn night.
    expect(iso(openIntervalsBetween(gap, [], at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z')))).toEqual([
      ['2025-10-26T00:10:00.000Z', '2025-10-26T00:50:00.000Z'],
      ['2025-10-26T01:10:00.000Z', '2025-10-26T01:50:00.000Z'],
    ]);
  });

  it('knows whether a single instant is open', () => {
    expect(isOpenAt(hours, [], at('2025-01-15T07:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, [], at('2025-01-15T11:00:00Z'))).toBe(false);
  });
});

describe('openIntervalsBetween (properties)', () => {
  const dayIntervals = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 12 }).map((minutes) => {
    const sorted = [...minutes].sort((a, b) => a - b);
    const pairs: Array<{ start: string; end: string }> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const start = sorted[i] ?? 0;
      const end = sorted[i + 1] ?? 0;
      // A start of 24:00 cannot happen: it is always followed by a larger end.
      pairs.push({ start: formatTimeOfDay(start), end: formatTimeOfDay(end) });
    }
    return pairs;
  });
  const openingHours = fc
    .tuple(...ISO_WEEKDAYS.map(() => dayIntervals))
    .map((days) => OpeningHours.parse(days.map((intervals, i) => ({ weekday: i + 1, intervals }))));
  const dayIn = (year: number) =>
    fc.integer({ min: 0, max: 364 }).map((d) => DateTime.fromObject({ year }, { zone: PARIS_ZONE }).plus({ days: d }).toISODate() ?? '');
  const closures = fc.array(fc.tuple(dayIn(2025), fc.integer({ min: 0, max: 10 })), { maxLength: 3 }).map((periods) =>
    parseClosurePeriods(
      periods.map(([from, length]) => ({
        from,
        to: DateTime.fromISO(from, { zone: PARIS_ZONE }).plus({ days: length }).toISODate() ?? from,
      })),
    ),
  );
  // Half the windows start near a clock change, where mistakes hide.
  const clockChanges = ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2026-03-29T01:00:00Z'].map(Date.parse);
  const windowStart = fc.oneof(
    fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-06-01T00:00:00Z') }),
    fc.tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -3 * 24 * 60, max: 24 * 60 })).map(([t, m]) => t + m * 60_000),
  );
  const window = fc
    .tuple(windowStart, fc.integer({ min: 0, max: 20 * 24 * 60 }))
    .map(([start, minutes]) => ({ from: new Date(start), to: new Date(start + minutes * 60_000) }));

  /** The reference: read the Paris wall clock at that instant and look the time up. */
  function openByWallClock(hours: OpeningHours, closed: readonly ClosurePeriod[], instant: number): boolean {
    const local = DateTime.fromMillis(instant, { zone: PARIS_ZONE });
    if (isClosedOn(closed, local.toISODate() ?? '')) return false;
    const minute = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
    return hours.intervalsOn(local.weekday as IsoWeekday).some((interval) => interval.startMinute <= minute && minute < interval.endMinute);
  }

  it('returns sorted, disjoint, non-empty intervals inside the window', () => {
    fc.assert(
      fc.property(openingHours, closures, window, (hours, closed, { from, to }) => {
        const intervals = openIntervalsBetween(hours, closed, from, to);
        let previousEnd = -Infinity;
        for (const { start, end } of intervals) {
          expect(start.getTime()).toBeGreaterThan(previousEnd);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          expect(start.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(end.getTime()).toBeLessThanOrEqual(to.getTime());
          previousEnd = end.getTime();
        }
        expect(isOpenDuring(hours, closed, from, to)).toBe(intervals.length > 0);
      }),
    );
  });

  it('agrees with the Paris wall clock at any instant of the window', () => {
    fc.assert(
      fc.property(
        openingHours,
        closures,
        window,
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (hours, closed, { from, to }, fractions) => {
          const intervals = openIntervalsBetween(hours, closed, from, to);
          const span = to.getTime() - from.getTime();
          const instants = fractions.map((f) => from.getTime() + Math.floor(f * span));
          // Also test both edges of every interval returned.
          for (const { start, end } of intervals) instants.push(start.getTime(), end.getTime() - 1, end.getTime());
          for (const t of instants) {
            if (t < from.getTime() || t >= to.getTime()) continue;
            const inResult = intervals.some(({ start, end }) => start.getTime() <= t && t < end.getTime());
            expect(inResult).toBe(openByWallClock(hours, closed, t));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is additive: splitting the window splits the open time', () => {
    fc.assert(
      fc.property(openingHours, closures, window, fc.double({ min: 0, max: 1, noNaN: true }), (hours, closed, { from, to }, f) => {
        const middle = new Date(from.getTime() + Math.floor(f * (to.getTime() - from.getTime())));
        expect(openDurationMs(hours, closed, from, middle) + openDurationMs(hours, closed, middle, to)).toBe(openDurationMs(hours, closed, from, to));
      }),
    );
  });

  it('counts every instant of the window for a site always open, clock changes included', () => {
    const always = OpeningHours.everyDay([{ start: '00:00', end: '24:00' }]);
    fc.assert(
      fc.property(window, ({ from, to }) => {
        expect(openDurationMs(always, [], from, to)).toBe(to.getTime() - from.getTime());
      }),
    );
  });

  it('never opens more when a closure is added', () => {
    fc.assert(
      fc.property(openingHours, closures, closures, window, (hours, some, more, { from, to }) => {
        expect(openDurationMs(hours, [...some, ...more], from, to)).toBeLessThanOrEqual(openDurationMs(hours, some, from, to));
      }),
    );
  });
});
