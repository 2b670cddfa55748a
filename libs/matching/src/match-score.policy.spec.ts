import fc from 'fast-check';
import { FAIRNESS_REFERENCE_KG_PER_PERSON_WEEK, rankMatches, SCORE_WEIGHTS, scoreMatch, urgencyHoursLeft, type ScoreInput } from './match-score.policy';

function input(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    recipientId: 'resto-villeurbanne',
    distanceKm: 10,
    serviceRadiusKm: 30,
    hoursLeft: 24,
    offerKg: 100,
    absorbableKg: 100,
    kgReceivedLast28Days: 400,
    peopleServedPerWeek: 100,
    ...overrides,
  };
}

const anyInput = fc.record({
  recipientId: fc.string(),
  distanceKm: fc.double({ min: 0, max: 200, noNaN: true }),
  serviceRadiusKm: fc.double({ min: 0, max: 100, noNaN: true }),
  hoursLeft: fc.double({ min: -48, max: 1000, noNaN: true }),
  offerKg: fc.double({ min: 0, max: 5000, noNaN: true }),
  absorbableKg: fc.double({ min: 0, max: 5000, noNaN: true }),
  kgReceivedLast28Days: fc.double({ min: 0, max: 100_000, noNaN: true }),
  peopleServedPerWeek: fc.integer({ min: 0, max: 10_000 }),
});

describe('scoreMatch', () => {
  it('weighs its four components with weights that add up to one', () => {
    const total = Object.values(SCORE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);

    expect(total).toBeCloseTo(1, 12);
  });

  it('stays between 0 and 1 whatever the inputs', () => {
    fc.assert(
      fc.property(anyInput, (candidate) => {
        const { score } = scoreMatch(candidate);
        return score >= 0 && score <= 1;
      }),
    );
  });

  it('is the weighted sum of its components, as documented', () => {
    const scored = scoreMatch(input({ distanceKm: 15, hoursLeft: 24, absorbableKg: 50, kgReceivedLast28Days: 400, peopleServedPerWeek: 100 }));

    // distance 1 − 15/30, urgency 1/(1 + 24/24), capacity 50/100, fairness 1/(1 + (400/4/100)/1).
    expect(scored.components.distance.value).toBeCloseTo(0.5, 12);
    expect(scored.components.urgency.value).toBeCloseTo(0.5, 12);
    expect(scored.components.capacityFit.value).toBeCloseTo(0.5, 12);
    expect(scored.components.fairness.value).toBeCloseTo(0.5, 12);
    expect(scored.score).toBeCloseTo(0.5, 12);
  });

  it('ranks the closer of two otherwise equal recipients higher', () => {
    fc.assert(
      // Distances to the 100 m, as PostGIS results are shown; no floating-point dust.
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        fc.pre(a < b);
        return scoreMatch(input({ distanceKm: a / 10 })).score > scoreMatch(input({ distanceKm: b / 10 })).score;
      }),
    );
  });

  it('ranks a lot that will be lost sooner higher', () => {
    fc.assert(
      // Hours to the minute.
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30_000 }), (sooner, later) => {
        fc.pre(sooner < later);
        return scoreMatch(input({ hoursLeft: sooner / 60 })).score > scoreMatch(input({ hoursLeft: later / 60 })).score;
      }),
    );
  });

  it('ranks the recipient that can take more of the lot higher, up to all of it', () => {
    expect(scoreMatch(input({ absorbableKg: 80 })).score).toBeGreaterThan(scoreMatch(input({ absorbableKg: 20 })).score);
    expect(scoreMatch(input({ absorbableKg: 500 })).score).toBe(scoreMatch(input({ absorbableKg: 100 })).score);
  });

  it('fairness: of two recipients alike in all else, the one that received less per person lately ranks first', () => {
    const wellServed = scoreMatch(input({ recipientId: 'a', kgReceivedLast28Days: 2000, peopleServedPerWeek: 100 }));
    const lessServed = scoreMatch(input({ recipientId: 'b', kgReceivedLast28Days: 200, peopleServedPerWeek: 100 }));

    expect(lessServed.score).toBeGreaterThan(wellServed.score);
    expect(rankMatches([wellServed, lessServed]).map((match) => match.recipientId)).toEqual(['b', 'a']);
  });

  it('fairness is per person: a big association is not held back for being big, only for being better served', () => {
    const big = scoreMatch(input({ kgReceivedLast28Days: 8000, peopleServedPerWeek: 1000 }));
    const small = scoreMatch(input({ kgReceivedLast28Days: 400, peopleServedPerWeek: 50 }));

    expect(big.components.fairness.value).toBeCloseTo(small.components.fairness.value, 12);
  });

  it('a recipient served at the reference level gets half the fairness boost', () => {
    const atReference = scoreMatch(input({ kgReceivedLast28Days: 4 * 100 * FAIRNESS_REFERENCE_KG_PER_PERSON_WEEK, peopleServedPerWeek: 100 }));

    expect(atReference.components.fairness.value).toBeCloseTo(0.5, 12);
  });

  it('a recipient whose number of people served is unknown gets a neutral fairness', () => {
    expect(scoreMatch(input({ peopleServedPerWeek: 0 })).components.fairness.value).toBe(0.5);
  });

  it('the same big association does not take everything: its lead shrinks as it receives more', () => {
    const scores = [0, 500, 1000, 2000, 4000].map((kg) => scoreMatch(input({ kgReceivedLast28Days: kg })).score);

    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('explains the score by its main contributors, largest first, in both languages', () => {
    const scored = scoreMatch(input({ distanceKm: 1.5, hoursLeft: 200, absorbableKg: 10, kgReceivedLast28Days: 4000 }));

    expect(scored.reasons[0]?.code).toBe('SCORE_DISTANCE');
    expect(scored.reasons[0]?.fr).toBe('proche : 1,5 km (rayon 30 km)');
    expect(scored.reasons[0]?.en).toBe('close: 1.5 km (radius 30 km)');
    const weights = scored.reasons.map((reason) => {
      switch (reason.code) {
        case 'SCORE_DISTANCE':
          return scored.components.distance.weighted;
        case 'SCORE_URGENCY':
          return scored.components.urgency.weighted;
        case 'SCORE_CAPACITY_FIT':
          return scored.components.capacityFit.weighted;
        case 'SCORE_FAIRNESS':
          return scored.components.fairness.weighted;
        default:
          throw new Error(`not a score reason: ${reason.code}`);
      }
    });
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(scored.reasons.length).toBeLessThanOrEqual(3);
  });
});

describe('urgencyHoursLeft', () => {
  const now = new Date('2025-06-10T06:00:00Z');
  const pickupUntil = new Date('2025-06-10T10:00:00Z');

  it('runs to the earliest DLC end among the items offered', () => {
    const items = [{ dlcEnd: new Date('2025-06-12T21:59:59.999Z') }, { dlcEnd: new Date('2025-06-11T21:59:59.999Z') }, { dlcEnd: null }];

    expect(urgencyHoursLeft(pickupUntil, items, now)).toBeCloseTo(40, 3);
  });

  it('runs to the end of the pickup window when no item has a DLC', () => {
    expect(urgencyHoursLeft(pickupUntil, [{ dlcEnd: null }], now)).toBe(4);
  });

  it('is never negative', () => {
    expect(urgencyHoursLeft(pickupUntil, [], new Date('2025-06-11T00:00:00Z'))).toBe(0);
  });
});

describe('rankMatches', () => {
  it('puts the best score first', () => {
    const ranked = rankMatches([
      { recipientId: 'a', score: 0.2 },
      { recipientId: 'b', score: 0.9 },
      { recipientId: 'c', score: 0.5 },
    ]);

    expect(ranked.map((match) => match.recipientId)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties by recipient id, so equal recipients are always told in the same order', () => {
    const ranked = rankMatches([
      { recipientId: 'r-3', score: 0.5 },
      { recipientId: 'r-1', score: 0.5 },
      { recipientId: 'r-2', score: 0.5 },
    ]);

    expect(ranked.map((match) => match.recipientId)).toEqual(['r-1', 'r-2', 'r-3']);
  });

  it('treats scores that differ only by floating-point noise as a tie', () => {
    const ranked = rankMatches([
      { recipientId: 'b', score: 0.1 + 0.2 },
      { recipientId: 'a', score: 0.3 },
    ]);

    expect(ranked.map((match) => match.recipientId)).toEqual(['a', 'b']);
  });

  it('gives the same order whatever the order of its input', () => {
    const candidates = fc.uniqueArray(fc.record({ recipientId: fc.string({ maxLength: 4 }), score: fc.constantFrom(0, 0.25, 0.5, 0.75, 1) }), {
      selector: (candidate) => candidate.recipientId,
      maxLength: 12,
    });
    fc.assert(
      fc.property(candidates, fc.func(fc.integer()), (list, shuffleKey) => {
        const shuffled = [...list].sort((a, b) => shuffleKey(a.recipientId) - shuffleKey(b.recipientId));
        expect(rankMatches(shuffled)).toEqual(rankMatches(list));
      }),
    );
  });

  it('does not change the list it is given', () => {
    const list = [
      { recipientId: 'a', score: 0.1 },
      { recipientId: 'b', score: 0.9 },
    ];
    rankMatches(list);

    expect(list.map((match) => match.recipientId)).toEqual(['a', 'b']);
  });
});
