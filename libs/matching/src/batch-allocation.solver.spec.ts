import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import { buildEligiblePairs, DEFAULT_DISTANCE_COST_PER_KG_KM, temperatureIndexes } from './allocation-pairs.builder';
import type { AllocationItem, AllocationProblem, AllocationRecipient, AllocationResult } from './allocation-problem.type';
import { allocate, allocationViolations, naiveNearestFirstGreedy, perishabilityWeight } from './batch-allocation.solver';

const SOMEWHERE = { latitude: 45.76, longitude: 4.84 };

function item(offerItemId: string, overrides: Partial<AllocationItem> = {}): AllocationItem {
  return {
    offerItemId,
    kg: 10,
    temperature: 'AMBIENT',
    categoryCode: 'FOOD.BAKERY.BREAD',
    perishabilityWeight: 1,
    location: SOMEWHERE,
    ...overrides,
  };
}

function recipient(recipientId: string, overrides: Partial<AllocationRecipient> = {}): AllocationRecipient {
  return {
    recipientId,
    location: SOMEWHERE,
    serviceRadiusKm: 50,
    acceptedCategoryCodes: ['FOOD'],
    capacityKg: { AMBIENT: 100 },
    ...overrides,
  };
}

function kgOf(result: AllocationResult): Record<string, number> {
  const table: Record<string, number> = {};
  for (const assignment of result.assignments) table[`${assignment.offerItemId}→${assignment.recipientId}`] = assignment.kg;
  return table;
}

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** The allocation as an LP for HiGHS, on the same eligible pairs: the reference optimum. */
function lpOptimum(problem: AllocationProblem): number {
  const pairs = buildEligiblePairs(problem);
  if (pairs.count === 0) return 0;
  const temperature = temperatureIndexes(problem);
  const classes = TEMPERATURE_CLASSES.length;
  const n = problem.items.length;
  const rows = n + problem.recipients.length * classes;
  const indices = new Int32Array(2 * pairs.count);
  for (let p = 0; p < pairs.count; p += 1) {
    indices[2 * p] = pairs.item[p];
    indices[2 * p + 1] = n + pairs.recipient[p] * classes + temperature[pairs.item[p]];
  }
  const rowUpper = [
    ...problem.items.map((candidate) => candidate.kg),
    ...problem.recipients.flatMap((candidate) => TEMPERATURE_CLASSES.map((t) => candidate.capacityKg[t] ?? 0)),
  ];
  const model = highs.createModel({
    numCols: pairs.count,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: pairs.valuePerKg,
    colLower: new Float64Array(pairs.count),
    colUpper: new Float64Array(pairs.count).fill(highs.infinity),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csc',
      numRows: rows,
      numCols: pairs.count,
      starts: Int32Array.from({ length: pairs.count + 1 }, (_, p) => 2 * p),
      indices,
      values: new Float64Array(2 * pairs.count).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

describe('allocate', () => {
  it('sends an item to the nearer of two recipients that both have room', () => {
    const problem: AllocationProblem = {
      items: [item('bread')],
      recipients: [recipient('far'), recipient('near')],
      distanceKm: [[20, 5]],
    };
    const result = allocate(problem);

    expect(kgOf(result)).toEqual({ 'bread→near': 10 });
    expect(result.objective).toBeCloseTo(10 * (1 - DEFAULT_DISTANCE_COST_PER_KG_KM * 5), 12);
  });

  it('when storage is short, gives it to the food that would be lost first', () => {
    const problem: AllocationProblem = {
      items: [item('bread', { perishabilityWeight: perishabilityWeight(72) }), item('sandwiches', { perishabilityWeight: perishabilityWeight(2) })],
      recipients: [recipient('epicerie', { capacityKg: { AMBIENT: 10 } })],
      distanceKm: [[3], [3]],
    };

    expect(kgOf(allocate(problem))).toEqual({ 'sandwiches→epicerie': 10 });
  });

  it('splits an item that no single recipient can take in full, nearest first', () => {
    const problem: AllocationProblem = {
      items: [item('apples', { kg: 25 })],
      recipients: [
        recipient('a', { capacityKg: { AMBIENT: 10 } }),
        recipient('b', { capacityKg: { AMBIENT: 10 } }),
        recipient('c', { capacityKg: { AMBIENT: 10 } }),
      ],
      distanceKm: [[1, 2, 3]],
    };
    const result = allocate(problem);

    expect(kgOf(result)).toEqual({ 'apples→a': 10, 'apples→b': 10, 'apples→c': 5 });
    expect(result.unallocated).toEqual([]);
  });

  it('sends an item a little further to free the only room another item can reach, where nearest-first loses it', () => {
    // Posted first, the yogurts go to the nearest fridge under nearest-first, and the cheese,
    // which can only reach that fridge, is lost.
    const problem: AllocationProblem = {
      items: [
        item('yogurts', { temperature: 'CHILLED', categoryCode: 'FOOD.DAIRY.YOGURT' }),
        item('cheese', { temperature: 'CHILLED', categoryCode: 'FOOD.DAIRY.CHEESE' }),
      ],
      recipients: [
        recipient('near', { capacityKg: { CHILLED: 10 }, serviceRadiusKm: 10 }),
        recipient('further', { capacityKg: { CHILLED: 10 }, serviceRadiusKm: 10 }),
      ],
      distanceKm: [
        [2, 8],
        [3, 30],
      ],
    };
    const ours = allocate(problem);
    const greedy = naiveNearestFirstGreedy(problem);

    expect(kgOf(ours)).toEqual({ 'yogurts→further': 10, 'cheese→near': 10 });
    expect(kgOf(greedy)).toEqual({ 'yogurts→near': 10 });
    expect(ours.objective).toBeCloseTo(10 * (1 - 0.08) + 10 * (1 - 0.03), 12);
    expect(greedy.unallocated).toEqual([{ offerItemId: 'cheese', kg: 10 }]);
  });

  it('never lets chilled goods use the room of another temperature class', () => {
    const problem: AllocationProblem = {
      items: [item('yogurts', { temperature: 'CHILLED', categoryCode: 'FOOD.DAIRY.YOGURT' })],
      recipients: [recipient('dry-store', { capacityKg: { AMBIENT: 500, FROZEN: 500 } })],
    };

    expect(allocate(problem).assignments).toEqual([]);
  });

  it('assigns nothing to a recipient that refuses the category, is out of reach, or needs more DLC than is left', () => {
    const problem: AllocationProblem = {
      items: [
        item('meat', { categoryCode: 'FOOD.MEAT.FRESH' }),
        item('bread-far'),
        item('short-dlc', { categoryCode: 'FOOD.DAIRY.YOGURT', dlcHoursAfterPickup: 30 }),
      ],
      recipients: [recipient('bakery-and-dairy-only', { acceptedCategoryCodes: ['FOOD.BAKERY', 'FOOD.DAIRY'], serviceRadiusKm: 10 })],
      distanceKm: [[1], [11], [1]],
    };
    const result = allocate(problem);

    expect(result.assignments).toEqual([]);
    expect(result.stats.eligiblePairs).toBe(0);
  });

  it('lets a recipient that redistributes within a day take a DLC the default margin would refuse', () => {
    const problem: AllocationProblem = {
      items: [item('yogurts', { categoryCode: 'FOOD.DAIRY.YOGURT', dlcHoursAfterPickup: 30 })],
      recipients: [recipient('default'), recipient('fast', { dlcMarginHours: 24 })],
      distanceKm: [[1, 9]],
    };

    expect(kgOf(allocate(problem))).toEqual({ 'yogurts→fast': 10 });
  });

  it('leaves food where the trip would cost more than the food is worth', () => {
    const problem: AllocationProblem = {
      items: [item('bread')],
      recipients: [recipient('far')],
      distanceKm: [[40]],
      distanceCostPerKgKm: 0.05,
    };
    const result = allocate(problem);

    expect(result.assignments).toEqual([]);
    expect(result.unallocated).toEqual([{ offerItemId: 'bread', kg: 10 }]);
  });

  it('measures the distance between the sites when no distances are given', () => {
    const lyon = { latitude: 45.764, longitude: 4.8357 };
    const villeurbanne = { latitude: 45.7719, longitude: 4.8902 };
    const vienne = { latitude: 45.5256, longitude: 4.8746 };
    const problem: AllocationProblem = {
      items: [item('bread', { location: lyon })],
      recipients: [recipient('vienne', { location: vienne }), recipient('villeurbanne', { location: villeurbanne })],
    };
    const [assignment] = allocate(problem).assignments;

    expect(assignment?.recipientId).toBe('villeurbanne');
    expect(assignment?.distanceKm).toBeCloseTo(4.32, 2);
  });

  it('allocates nothing, without failing, when there is nothing to allocate', () => {
    const result = allocate({ items: [], recipients: [] });

    expect(result).toMatchObject({ assignments: [], objective: 0, allocatedKg: 0, unallocated: [] });
  });

  it('sums up what it proposes: objective, kg, weighted kg, distance cost and leftovers', () => {
    const problem: AllocationProblem = {
      items: [item('bread', { kg: 30, perishabilityWeight: 2 })],
      recipients: [recipient('a', { capacityKg: { AMBIENT: 20 } })],
      distanceKm: [[10]],
    };
    const result = allocate(problem);

    expect(result.allocatedKg).toBe(20);
    expect(result.weightedKg).toBe(40);
    expect(result.distanceCost).toBeCloseTo(20 * 10 * DEFAULT_DISTANCE_COST_PER_KG_KM, 12);
    expect(result.objective).toBeCloseTo(40 - 2, 12);
    expect(result.unallocated).toEqual([{ offerItemId: 'bread', kg: 10 }]);
    expect(result.assignments[0]).toMatchObject({ valuePerKg: 1.9, distanceKm: 10 });
  });

  const temperature = fc.constantFrom<TemperatureClass>('AMBIENT', 'CHILLED', 'FROZEN');
  // Integer kg and capacities make ties and degenerate bases likely: the hard cases for a simplex.
  const randomProblem: fc.Arbitrary<AllocationProblem> = fc
    .record({
      items: fc.array(
        fc.record({
          kg: fc.integer({ min: 1, max: 200 }),
          temperature,
          categoryCode: fc.constantFrom('FOOD.DAIRY.YOGURT', 'FOOD.BAKERY.BREAD', 'FOOD.DRY.CANNED', 'NON_FOOD.HYGIENE.BODY'),
          weight: fc.integer({ min: 100, max: 300 }),
          site: fc.integer({ min: 0, max: 5 }),
          dlc: fc.option(fc.integer({ min: 0, max: 100 })),
        }),
        { maxLength: 12 },
      ),
      sites: fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), { minLength: 6, maxLength: 6 }),
      recipients: fc.array(
        fc.record({
          place: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })),
          radius: fc.integer({ min: 5, max: 40 }),
          accepts: fc.subarray(['FOOD', 'FOOD.DAIRY', 'FOOD.BAKERY', 'FOOD.DRY', 'NON_FOOD']),
          capacity: fc.record({
            AMBIENT: fc.integer({ min: 0, max: 150 }),
            CHILLED: fc.integer({ min: 0, max: 150 }),
            FROZEN: fc.integer({ min: 0, max: 150 }),
          }),
          margin: fc.constantFrom(0, 24, 48),
        }),
        { maxLength: 7 },
      ),
      lambda: fc.constantFrom(0.01, 0.05, 0.2),
    })
    .map(({ items, sites, recipients, lambda }) => {
      // Points in a box of about 30 km by 25 km around Lyon; one location object per donor site.
      const place = ([y, x]: readonly [number, number]): { latitude: number; longitude: number } => ({ latitude: 45.6 + y / 1000, longitude: 4.7 + x / 1000 });
      const siteLocations = sites.map(place);
      return {
        items: items.map((drawn, i) => ({
          offerItemId: `item-${i}`,
          kg: drawn.kg,
          temperature: drawn.temperature,
          categoryCode: drawn.categoryCode,
          perishabilityWeight: drawn.weight / 100,
          location: siteLocations[drawn.site] ?? SOMEWHERE,
          dlcHoursAfterPickup: drawn.dlc,
        })),
        recipients: recipients.map((drawn, r) => ({
          recipientId: `recipient-${r}`,
          location: place(drawn.place),
          serviceRadiusKm: drawn.radius,
          acceptedCategoryCodes: drawn.accepts,
          capacityKg: drawn.capacity,
          dlcMarginHours: drawn.margin,
        })),
        distanceCostPerKgKm: lambda,
      };
    });

  it('never exceeds a recipient’s storage or an item’s kg, and only pairs eligible recipients, on random instances', () => {
    fc.assert(
      fc.property(randomProblem, (problem) => {
        expect(allocationViolations(problem, allocate(problem).assignments)).toEqual([]);
        expect(allocationViolations(problem, naiveNearestFirstGreedy(problem).assignments)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is never worse than the nearest-first greedy on random instances', () => {
    fc.assert(
      fc.property(randomProblem, (problem) => {
        expect(allocate(problem).objective).toBeGreaterThanOrEqual(naiveNearestFirstGreedy(problem).objective - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the LP optimum computed by HiGHS on random instances', () => {
    fc.assert(
      fc.property(randomProblem, (problem) => {
        const optimum = lpOptimum(problem);
        expect(Math.abs(allocate(problem).objective - optimum)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(optimum)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same proposal for the same problem', () => {
    fc.assert(
      fc.property(randomProblem, (problem) => {
        expect(allocate(problem)).toEqual(allocate(problem));
      }),
      { numRuns: 50 },
    );
  });
});

describe('naiveNearestFirstGreedy', () => {
  it('serves items in the order given, each to its nearest recipient with room', () => {
    const problem: AllocationProblem = {
      items: [item('first', { kg: 15 }), item('second', { kg: 15 })],
      recipients: [recipient('near', { capacityKg: { AMBIENT: 20 } }), recipient('far', { capacityKg: { AMBIENT: 20 } })],
      distanceKm: [
        [1, 5],
        [1, 5],
      ],
    };

    expect(kgOf(naiveNearestFirstGreedy(problem))).toEqual({ 'first→near': 15, 'second→near': 5, 'second→far': 10 });
  });
});

describe('allocationViolations', () => {
  const problem: AllocationProblem = {
    items: [item('bread', { kg: 10 }), item('meat', { categoryCode: 'FOOD.MEAT.FRESH' })],
    recipients: [recipient('bakery', { acceptedCategoryCodes: ['FOOD.BAKERY'], capacityKg: { AMBIENT: 5 } })],
    distanceKm: [[1], [1]],
  };

  it('finds nothing wrong with a valid proposal', () => {
    expect(allocationViolations(problem, [{ offerItemId: 'bread', recipientId: 'bakery', kg: 5 }])).toEqual([]);
  });

  it('reports storage exceeded, an item given twice over, an ineligible pair and unknown ids', () => {
    const violations = allocationViolations(problem, [
      { offerItemId: 'bread', recipientId: 'bakery', kg: 8 },
      { offerItemId: 'bread', recipientId: 'bakery', kg: 4 },
      { offerItemId: 'meat', recipientId: 'bakery', kg: 1 },
      { offerItemId: 'ghost', recipientId: 'bakery', kg: 1 },
    ]);

    expect(violations).toEqual([
      'ineligible pair: meat → bakery',
      'unknown item or recipient: ghost → bakery',
      'item bread over-allocated: 12 kg of 10',
      'recipient bakery over capacity in AMBIENT: 13 kg of 5',
    ]);
  });
});
