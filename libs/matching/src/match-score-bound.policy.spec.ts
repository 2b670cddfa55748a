import { addCalendarDays, parisDayOf, TEMPERATURE_CLASSES, type CalendarDay, type DateKind, type TemperatureClass } from '#domain';
import fc from 'fast-check';
import { matchScoreBounds, SCORE_BOUND_SLACK, scoreBoundTerms, summarizeOfferItems, type BoundRecipient } from './match-score-bound.policy';
import { SCORE_WEIGHTS, URGENCY_HALF_LIFE_HOURS, fairnessFactor } from './match-score.policy';
import type { MatchableItem, MatchableOffer, TimeInterval } from './matching-input.type';
import { matchOffer, type MatchCandidate } from './offer-matching.engine';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-03-27T06:00:00Z'); // the clocks go forward in Paris two days later

const CATEGORIES = ['FOOD.DAIRY.MILK', 'FOOD.DAIRY.CHEESE', 'FOOD.DRY.CANNED', 'FOOD.MEAT.FRESH', 'FOOD.FROZEN.READY_MEALS', 'NON_FOOD.HYGIENE.BODY'];
const ACCEPTABLE = ['FOOD', 'NON_FOOD', 'FOOD.DAIRY', 'FOOD.DRY', 'FOOD.DAIRY.MILK', 'FOOD.MEAT', 'FOOD.FROZEN'];

/** Kg as stored: grams, sometimes nothing left. */
const kg = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 150_000 }).map((grams) => grams / 1000),
);
const capacity = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }), fc.constant(100_000));

interface Scenario {
  readonly now: Date;
  readonly offer: MatchableOffer;
  readonly recipient: BoundRecipient;
  readonly claimedByDay: ReadonlyMap<CalendarDay, Partial<Record<TemperatureClass, number>>>;
  readonly sites: ReadonlyArray<{
    readonly distanceKm: number;
    readonly pickupDay: CalendarDay;
    readonly closed: boolean;
    readonly intervals: readonly TimeInterval[];
  }>;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    nowOffsetHours: fc.integer({ min: 0, max: 24 * 5 }),
    fromOffsetHours: fc.integer({ min: -30, max: 60 }),
    lengthHours: fc.integer({ min: 1, max: 72 }),
    items: fc.array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        remainingKg: kg,
        temperature: fc.constantFrom<TemperatureClass>(...TEMPERATURE_CLASSES),
        dateKind: fc.constantFrom<DateKind>('DLC', 'DLC', 'DDM', 'NONE'),
        dayOffset: fc.integer({ min: -2, max: 8 }),
        undatedDlc: fc.integer({ min: 0, max: 19 }).map((draw) => draw === 0),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    verified: fc.integer({ min: 0, max: 9 }).map((draw) => draw !== 0),
    accepted: fc.subarray(ACCEPTABLE, { minLength: 1 }),
    capacity: fc.record({ AMBIENT: capacity, CHILLED: capacity, FROZEN: capacity }),
    radiusKm: fc.integer({ min: 5, max: 60 }),
    marginHours: fc.constantFrom(0, 6, 24, 48, 48, 72),
    kgReceivedLast28Days: fc.integer({ min: 0, max: 20_000 }),
    peopleServedPerWeek: fc.integer({ min: 0, max: 500 }),
    sinceOffsetHours: fc.integer({ min: -48, max: 48 }),
    claims: fc.array(
      fc.record({ dayOffset: fc.integer({ min: -2, max: 4 }), temperature: fc.constantFrom<TemperatureClass>(...TEMPERATURE_CLASSES), kg: kg }),
      {
        maxLength: 6,
      },
    ),
    sites: fc.array(
      fc.record({
        distanceShare: fc.double({ min: 0, max: 1.1, noNaN: true }),
        pickupDayOffset: fc.integer({ min: 0, max: 3 }),
        closed: fc.integer({ min: 0, max: 4 }).map((draw) => draw === 0),
        receives: fc.integer({ min: 0, max: 3 }).map((draw) => draw !== 0),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  // Open offers only: the window ends after now.
  .filter((raw) => raw.fromOffsetHours + raw.lengthHours > 0)
  .map((raw): Scenario => {
    const now = new Date(BASE + raw.nowOffsetHours * HOUR);
    const pickupFrom = new Date(now.getTime() + raw.fromOffsetHours * HOUR);
    const pickupUntil = new Date(pickupFrom.getTime() + raw.lengthHours * HOUR);
    const firstDay = parisDayOf(pickupFrom);
    const lastDay = parisDayOf(pickupUntil);
    const items: MatchableItem[] = raw.items.map((item, index) => ({
      id: `item-${index}`,
      categoryCode: item.category,
      remainingKg: item.remainingKg,
      temperature: item.temperature,
      dateKind: item.dateKind,
      date: item.dateKind === 'NONE' || item.undatedDlc ? null : addCalendarDays(firstDay, item.dayOffset),
    }));
    const claimedByDay = new Map<CalendarDay, Partial<Record<TemperatureClass, number>>>();
    for (const claim of raw.claims) {
      const day = addCalendarDays(firstDay, claim.dayOffset);
      const classes = claimedByDay.get(day) ?? {};
      classes[claim.temperature] = (classes[claim.temperature] ?? 0) + claim.kg;
      claimedByDay.set(day, classes);
    }
    // Claims summed from some day on: usually before the window opens, sometimes after.
    const since = new Date(pickupFrom.getTime() + raw.sinceOffsetHours * HOUR);
    const mostKgByClass: Partial<Record<TemperatureClass, number>> = {};
    for (const [day, classes] of claimedByDay) {
      if (day < parisDayOf(since)) continue;
      for (const temperature of TEMPERATURE_CLASSES) {
        mostKgByClass[temperature] = Math.max(mostKgByClass[temperature] ?? 0, classes[temperature] ?? 0);
      }
    }
    const windowDays: CalendarDay[] = [];
    for (let day = firstDay; day <= lastDay; day = addCalendarDays(day, 1)) windowDays.push(day);
    return {
      now,
      offer: { id: 'offer', pickupFrom, pickupUntil, items },
      claimedByDay,
      recipient: {
        verified: raw.verified,
        acceptedCategoryCodes: raw.accepted,
        serviceRadiusKm: raw.radiusKm,
        dlcMarginHours: raw.marginHours,
        dailyCapacityKg: raw.capacity,
        claimed: { since, mostKgByClass },
        kgReceivedLast28Days: raw.kgReceivedLast28Days,
        peopleServedPerWeek: raw.peopleServedPerWeek,
      },
      sites: raw.sites.map((site) => ({
        distanceKm: site.distanceShare * raw.radiusKm,
        pickupDay: windowDays[Math.min(site.pickupDayOffset, windowDays.length - 1)] ?? firstDay,
        closed: site.closed,
        intervals: site.receives ? [{ from: new Date(pickupFrom.getTime() - HOUR), to: new Date(pickupUntil.getTime() - 1) }] : [],
      })),
    };
  });

/** The engine as claimableOffers runs it for one recipient: one candidate per site, the best kept. */
function engineScore(s: Scenario): number | undefined {
  const candidates: MatchCandidate[] = s.sites.map((site, index) => ({
    recipient: {
      id: `site-${index}`,
      verified: s.recipient.verified,
      acceptedCategoryCodes: s.recipient.acceptedCategoryCodes,
      serviceRadiusKm: s.recipient.serviceRadiusKm,
      dailyCapacityKg: s.recipient.dailyCapacityKg,
      dlcMarginHours: s.recipient.dlcMarginHours,
    },
    context: {
      now: s.now,
      distanceKm: site.distanceKm,
      claimedKgOnPickupDay: s.claimedByDay.get(site.pickupDay) ?? {},
      receivingIntervals: site.intervals,
      closedOnPickupDay: site.closed,
    },
    history: { kgReceivedLast28Days: s.recipient.kgReceivedLast28Days, peopleServedPerWeek: s.recipient.peopleServedPerWeek },
  }));
  return matchOffer(s.offer, candidates).matches[0]?.score;
}

function boundsOf(s: Scenario) {
  const summary = summarizeOfferItems(s.offer.items);
  return s.sites.map((site) => matchScoreBounds({ ...s.offer, summary }, site.distanceKm, s.recipient, s.now));
}

describe('bounds of the match score for one recipient', () => {
  it('never under-estimates the engine’s score, never over-estimates it, and gives none only when the engine keeps nothing', () => {
    let scored = 0;
    let exact = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const score = engineScore(s);
        const bounds = boundsOf(s);
        const known = bounds.filter((bound) => bound !== undefined);
        if (known.length === 0) return score === undefined;
        if (score === undefined) return true;
        scored += 1;
        const upper = Math.max(...known.map((bound) => bound.upper));
        const lower = Math.min(...known.map((bound) => bound.lower));
        if (upper - lower < 1e-12) exact += 1;
        return score <= upper + SCORE_BOUND_SLACK && score >= lower - SCORE_BOUND_SLACK;
      }),
      { numRuns: 5000 },
    );
    // The property is about claimable offers: make sure many were, and that bounds are often tight.
    expect(scored).toBeGreaterThan(1000);
    expect(exact).toBeGreaterThan(100);
  });

  it('is the engine’s score itself when every category is accepted, storage is ample and the site is the only one', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    const offer: MatchableOffer = {
      id: 'offer',
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [
        { id: 'milk', categoryCode: 'FOOD.DAIRY.MILK', remainingKg: 12.5, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-11-28' },
        { id: 'yogurt', categoryCode: 'FOOD.DAIRY.YOGURT', remainingKg: 3, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-11-27' },
        { id: 'pasta', categoryCode: 'FOOD.DRY.PASTA_RICE', remainingKg: 40, temperature: 'AMBIENT', dateKind: 'DDM', date: '2027-01-01' },
      ],
    };
    const recipient: BoundRecipient = {
      verified: true,
      acceptedCategoryCodes: ['FOOD'],
      serviceRadiusKm: 25,
      dlcMarginHours: 48,
      dailyCapacityKg: { AMBIENT: 500, CHILLED: 200 },
      claimed: { since: new Date('2026-11-22T23:00:00Z'), mostKgByClass: { CHILLED: 50 } },
      kgReceivedLast28Days: 800,
      peopleServedPerWeek: 120,
    };
    const s: Scenario = {
      now,
      offer,
      recipient,
      claimedByDay: new Map([['2026-11-23', { CHILLED: 50 }]]),
      sites: [
        {
          distanceKm: 7.3,
          pickupDay: '2026-11-23',
          closed: false,
          intervals: [{ from: new Date('2026-11-23T08:00:00Z'), to: new Date('2026-11-23T17:00:00Z') }],
        },
      ],
    };
    const [bounds] = boundsOf(s);
    const score = engineScore(s);
    expect(score).toBeDefined();
    expect(bounds?.upper).toBeCloseTo(score ?? Number.NaN, 12);
    expect(bounds?.lower).toBeCloseTo(score ?? Number.NaN, 12);
  });

  it('counts on no free storage for an offer whose window opens before the claims it was given', () => {
    // Monday 23 November 11:00 Paris to Tuesday 15:00; claims summed from Tuesday on; Monday's fill the fridge.
    const s: Scenario = {
      now: new Date('2026-11-23T08:00:00Z'),
      offer: {
        id: 'offer',
        pickupFrom: new Date('2026-11-23T10:00:00Z'),
        pickupUntil: new Date('2026-11-24T14:00:00Z'),
        items: [{ id: 'yogurt', categoryCode: 'FOOD.DAIRY.YOGURT', remainingKg: 100, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-20' }],
      },
      recipient: {
        verified: true,
        acceptedCategoryCodes: ['FOOD'],
        serviceRadiusKm: 20,
        dlcMarginHours: 48,
        dailyCapacityKg: { CHILLED: 200 },
        claimed: { since: new Date('2026-11-23T23:00:00Z'), mostKgByClass: {} },
        kgReceivedLast28Days: 0,
        peopleServedPerWeek: 50,
      },
      claimedByDay: new Map([['2026-11-23', { CHILLED: 190 }]]),
      sites: [
        {
          distanceKm: 3,
          pickupDay: '2026-11-23',
          closed: false,
          intervals: [{ from: new Date('2026-11-23T09:00:00Z'), to: new Date('2026-11-23T16:00:00Z') }],
        },
      ],
    };
    const score = engineScore(s);
    const [bounds] = boundsOf(s);
    expect(score).toBeDefined();
    expect(bounds?.lower).toBeLessThanOrEqual((score ?? 0) + SCORE_BOUND_SLACK);
    expect(bounds?.upper).toBeGreaterThanOrEqual((score ?? 1) - SCORE_BOUND_SLACK);
  });

  it('gives no bounds for a recipient that is not verified or accepts none of the categories left', () => {
    const summary = summarizeOfferItems([
      { id: 'a', categoryCode: 'FOOD.DRY.CANNED', remainingKg: 10, temperature: 'AMBIENT', dateKind: 'NONE', date: null },
      { id: 'b', categoryCode: 'NON_FOOD.HYGIENE.BODY', remainingKg: 0, temperature: 'AMBIENT', dateKind: 'NONE', date: null },
    ]);
    const recipient: BoundRecipient = {
      verified: true,
      acceptedCategoryCodes: ['NON_FOOD'],
      serviceRadiusKm: 10,
      dlcMarginHours: 48,
      dailyCapacityKg: { AMBIENT: 100 },
      claimed: { since: new Date('2026-11-22T23:00:00Z'), mostKgByClass: {} },
      kgReceivedLast28Days: 0,
      peopleServedPerWeek: 0,
    };
    const now = new Date('2026-11-23T08:00:00Z');
    const offer = { pickupFrom: new Date('2026-11-23T10:00:00Z'), pickupUntil: new Date('2026-11-23T14:00:00Z'), summary };
    expect(matchScoreBounds(offer, 1, recipient, now)).toBeUndefined();
    expect(matchScoreBounds(offer, 1, { ...recipient, acceptedCategoryCodes: ['FOOD'], verified: false }, now)).toBeUndefined();
    expect(matchScoreBounds(offer, 1, { ...recipient, acceptedCategoryCodes: ['FOOD'] }, now)).toBeDefined();
  });

  it('summarises the items with kg left: kg per class, DLC kg, first and last DLC end, categories', () => {
    const summary = summarizeOfferItems([
      { id: 'a', categoryCode: 'FOOD.DAIRY.MILK', remainingKg: 5, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-03-30' },
      { id: 'b', categoryCode: 'FOOD.DAIRY.MILK', remainingKg: 2.5, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-05-01' },
      { id: 'c', categoryCode: 'FOOD.MEAT.FRESH', remainingKg: 1, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-03-28' },
      { id: 'd', categoryCode: 'FOOD.DRY.CANNED', remainingKg: 0, temperature: 'AMBIENT', dateKind: 'DLC', date: '2026-03-20' },
    ]);
    expect(summary).toEqual({
      kgByClass: { AMBIENT: 0, CHILLED: 8.5, FROZEN: 0 },
      dlcKgByClass: { AMBIENT: 0, CHILLED: 6, FROZEN: 0 },
      // The last milliseconds of 28 March (winter time) and 30 March (summer time) in Paris.
      firstDlcEnd: new Date('2026-03-28T22:59:59.999Z'),
      lastDlcEnd: new Date('2026-03-30T21:59:59.999Z'),
      categories: ['FOOD.DAIRY.MILK', 'FOOD.MEAT.FRESH'],
    });
  });

  it('gives the SQL the constants of the one score definition', () => {
    expect(scoreBoundTerms({ kgReceivedLast28Days: 400, peopleServedPerWeek: 100 })).toEqual({
      distanceWeight: SCORE_WEIGHTS.distance,
      urgencyWeight: SCORE_WEIGHTS.urgency,
      capacityWeight: SCORE_WEIGHTS.capacityFit,
      fairnessPart: SCORE_WEIGHTS.fairness * fairnessFactor(400, 100),
      urgencyHalfLifeHours: URGENCY_HALF_LIFE_HOURS,
      kgEpsilon: 1e-9,
    });
  });
});
