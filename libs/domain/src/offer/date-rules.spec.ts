import fc from 'fast-check';
import { DateKind } from '../shared/date-kind';
import { addCalendarDays, parisDayOf } from '../shared/paris-calendar';
import { dateRuleVerdict, ddmDaysPast, dlcEnd, dlcHoursLeftAt, isDlcExpired, isDlcMarginMet } from './date-rules';

const at = (iso: string) => new Date(iso);

describe('DLC dates', () => {
  it('end at 23:59:59.999 Paris time, winter and summer', () => {
    expect(dlcEnd('2025-01-15').toISOString()).toBe('2025-01-15T22:59:59.999Z');
    expect(dlcEnd('2025-07-15').toISOString()).toBe('2025-07-15T21:59:59.999Z');
  });

  it('expire only after the last millisecond of the day', () => {
    expect(isDlcExpired('2025-07-15', at('2025-07-15T21:59:59.999Z'))).toBe(false);
    expect(isDlcExpired('2025-07-15', at('2025-07-15T22:00:00.000Z'))).toBe(true);
  });

  it('leave exactly 48 h at midnight two days before, even across a clock change', () => {
    expect(dlcHoursLeftAt('2025-07-15', at('2025-07-13T22:00:00Z'))).toBe(48);
    // 30 March 2025 lasts 23 hours.
    expect(dlcHoursLeftAt('2025-03-30', at('2025-03-28T23:00:00Z'))).toBe(47);
    expect(dlcHoursLeftAt('2025-07-15', at('2025-07-16T22:00:00Z'))).toBe(-24);
  });

  it('meet a margin when the hours left at the end of the pickup window reach it', () => {
    expect(isDlcMarginMet('2025-07-15', at('2025-07-13T22:00:00Z'), 48)).toBe(true);
    expect(isDlcMarginMet('2025-07-15', at('2025-07-13T22:00:00.001Z'), 48)).toBe(false);
  });

  it('never meet a margin once expired, and are consistent with hours left (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
        fc.integer({ min: -5, max: 15 }),
        fc.integer({ min: 0, max: 240 }),
        (instant, offsetDays, margin) => {
          const date = addCalendarDays(parisDayOf(instant), offsetDays);
          const left = dlcHoursLeftAt(date, instant);
          expect(isDlcExpired(date, instant)).toBe(left <= 0);
          expect(isDlcMarginMet(date, instant, margin)).toBe(left >= margin);
          if (isDlcExpired(date, instant)) expect(isDlcMarginMet(date, instant, margin)).toBe(false);
        },
      ),
    );
  });
});

describe('DDM dates', () => {
  it('count whole Paris days past the date', () => {
    expect(ddmDaysPast('2025-07-15', at('2025-07-15T21:00:00Z'))).toBe(0);
    expect(ddmDaysPast('2025-07-15', at('2025-07-15T22:30:00Z'))).toBe(1);
    expect(ddmDaysPast('2025-07-15', at('2025-08-14T10:00:00Z'))).toBe(30);
    expect(ddmDaysPast('2025-07-15', at('2025-07-01T10:00:00Z'))).toBe(0);
  });
});

describe('dateRuleVerdict', () => {
  const now = at('2025-07-14T08:00:00Z');
  const pickupUntil = at('2025-07-14T16:00:00Z'); // 18:00 Paris

  it('lets undated goods through', () => {
    expect(dateRuleVerdict({ dateKind: DateKind.NONE, date: null }, pickupUntil, 48, now)).toEqual({ allowed: true, reason: 'NO_DATE' });
    expect(dateRuleVerdict({ dateKind: DateKind.DDM, date: null }, pickupUntil, 48, now)).toEqual({ allowed: true, reason: 'NO_DATE' });
  });

  it('lets a DDM item through past its date, saying how far past', () => {
    expect(dateRuleVerdict({ dateKind: DateKind.DDM, date: '2025-07-10' }, pickupUntil, 48, now)).toEqual({
      allowed: true,
      reason: 'DDM_PAST',
      ddmDaysPast: 4,
    });
    expect(dateRuleVerdict({ dateKind: DateKind.DDM, date: '2025-07-20' }, pickupUntil, 48, now)).toEqual({
      allowed: true,
      reason: 'DDM_NOT_PAST',
    });
  });

  it('refuses an expired DLC item whatever the margin', () => {
    expect(dateRuleVerdict({ dateKind: DateKind.DLC, date: '2025-07-13' }, pickupUntil, 0, now)).toEqual({
      allowed: false,
      reason: 'DLC_EXPIRED',
    });
  });

  it('measures the margin from the end of the pickup window', () => {
    // DLC 16 July ends at 22:00Z on the 16th: 54 h after the window closes.
    expect(dateRuleVerdict({ dateKind: DateKind.DLC, date: '2025-07-16' }, pickupUntil, 48, now)).toEqual({
      allowed: true,
      reason: 'DLC_MARGIN_MET',
      hoursLeftAtPickupEnd: 54,
    });
    // DLC 15 July: 30 h left, enough only for a recipient that redistributes faster.
    expect(dateRuleVerdict({ dateKind: DateKind.DLC, date: '2025-07-15' }, pickupUntil, 48, now)).toEqual({
      allowed: false,
      reason: 'DLC_MARGIN_NOT_MET',
      hoursLeftAtPickupEnd: 30,
      marginHours: 48,
    });
    expect(dateRuleVerdict({ dateKind: DateKind.DLC, date: '2025-07-15' }, pickupUntil, 24, now).allowed).toBe(true);
  });

  it('refuses a DLC item that lost its date', () => {
    expect(dateRuleVerdict({ dateKind: DateKind.DLC, date: null }, pickupUntil, 48, now)).toEqual({
      allowed: false,
      reason: 'DLC_DATE_MISSING',
    });
  });

  it('never allows less for a larger margin (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 12 }), fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 240 }), (offsetDays, a, b) => {
        const item = { dateKind: DateKind.DLC, date: addCalendarDays('2025-07-14', offsetDays) };
        const [small, large] = a <= b ? [a, b] : [b, a];
        if (dateRuleVerdict(item, pickupUntil, large, now).allowed) {
          expect(dateRuleVerdict(item, pickupUntil, small, now).allowed).toBe(true);
        }
      }),
    );
  });
});
