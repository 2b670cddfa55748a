import { DateKind, OpeningHours, TemperatureClass, type ClosurePeriod } from '#domain';
import { allocate, allocationViolations } from '#matching';
import type { AllocationCandidates, AllocationOffer, AllocationRecipient } from './allocation-candidate-source.port';
import { buildAllocationProblem, floorToGram, toProposedClaims } from './allocation-problem.builder';

// Monday 23 November 2026, 09:00 in Paris; pickups 11:00–15:00 that day.
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = '2026-11-23';
const ALWAYS_OPEN = OpeningHours.everyDay([{ start: '00:00', end: '24:00' }]);
const MORNINGS_ONLY = OpeningHours.everyDay([{ start: '07:00', end: '10:00' }]);

function anOffer(id: string, items: AllocationOffer['items']): AllocationOffer {
  return {
    id,
    donorOrganizationId: 'donor',
    location: { latitude: 45.75, longitude: 4.85 },
    pickupFrom: new Date('2026-11-23T10:00:00Z'),
    pickupUntil: new Date('2026-11-23T14:00:00Z'),
    items,
  };
}

function anItem(id: string, kg: number, extra: Partial<AllocationOffer['items'][number]> = {}): AllocationOffer['items'][number] {
  return { id, categoryCode: 'FOOD.DRY.CANNED', remainingKg: kg, temperature: TemperatureClass.AMBIENT, dateKind: DateKind.NONE, date: null, ...extra };
}

function aRecipient(
  organizationId: string,
  options: {
    ambientKg?: number;
    chilledKg?: number;
    claimedChilledKg?: number;
    openingHours?: OpeningHours;
    closures?: ClosurePeriod[];
    sites?: string[];
  } = {},
): AllocationRecipient {
  return {
    organizationId,
    acceptedCategoryCodes: ['FOOD'],
    serviceRadiusKm: 30,
    dlcMarginHours: 48,
    dailyCapacityKg: { AMBIENT: options.ambientKg ?? 100, CHILLED: options.chilledKg ?? 100, FROZEN: 0 },
    claimedKgOnDay: options.claimedChilledKg === undefined ? {} : { CHILLED: options.claimedChilledKg },
    sites: (options.sites ?? [`${organizationId}-site`]).map((siteId) => ({
      siteId,
      location: { latitude: 45.76, longitude: 4.84 },
      openingHours: options.openingHours ?? ALWAYS_OPEN,
      closures: options.closures ?? [],
    })),
  };
}

const distance = (offerId: string, recipientOrganizationId: string, distanceKm: number, siteId = `${recipientOrganizationId}-site`) => ({
  offerId,
  recipientOrganizationId,
  siteId,
  distanceKm,
});

describe('buildAllocationProblem', () => {
  it('deducts what a recipient already claimed that day from its declared storage', () => {
    const candidates: AllocationCandidates = {
      offers: [anOffer('o1', [anItem('i1', 50, { temperature: TemperatureClass.CHILLED })])],
      recipients: [aRecipient('r1', { chilledKg: 100, claimedChilledKg: 70 })],
      distances: [distance('o1', 'r1', 3)],
    };
    const { problem } = buildAllocationProblem(candidates, DAY, NOW);
    expect(problem.recipients[0]?.capacityKg.CHILLED).toBe(30);
    const result = allocate(problem);
    expect(result.allocatedKg).toBeCloseTo(30, 9);
  });

  it('never lets claims already over the declared storage turn into negative room', () => {
    const candidates: AllocationCandidates = {
      offers: [],
      recipients: [aRecipient('r1', { chilledKg: 100, claimedChilledKg: 130 })],
      distances: [],
    };
    expect(buildAllocationProblem(candidates, DAY, NOW).problem.recipients[0]?.capacityKg.CHILLED).toBe(0);
  });

  it('keeps the nearest site that receives during the window, and rules out a recipient with none', () => {
    const candidates: AllocationCandidates = {
      offers: [anOffer('o1', [anItem('i1', 10)])],
      recipients: [aRecipient('r1', { sites: ['near', 'far'] }), aRecipient('r2', { openingHours: MORNINGS_ONLY })],
      distances: [distance('o1', 'r1', 9, 'far'), distance('o1', 'r1', 4, 'near'), distance('o1', 'r2', 1)],
    };
    const { problem } = buildAllocationProblem(candidates, DAY, NOW);
    const row = problem.distanceKm?.[0];
    expect(row?.[0]).toBe(4);
    // r2 opens 07:00–10:00 Paris, before the 11:00–15:00 window.
    expect(row?.[1]).toBe(Infinity);
    expect(allocate(problem).assignments.map((assignment) => assignment.recipientId)).toEqual(['r1']);
  });

  it('rules out a recipient closed that day, and every pair when the window does not fall on the day asked', () => {
    const candidates: AllocationCandidates = {
      offers: [anOffer('o1', [anItem('i1', 10)])],
      recipients: [aRecipient('r1', { closures: [{ from: DAY, to: DAY }] }), aRecipient('r2')],
      distances: [distance('o1', 'r1', 1), distance('o1', 'r2', 2)],
    };
    expect(Array.from(buildAllocationProblem(candidates, DAY, NOW).problem.distanceKm?.[0] ?? [])).toEqual([Infinity, 2]);
    expect(Array.from(buildAllocationProblem(candidates, '2026-11-24', NOW).problem.distanceKm?.[0] ?? [])).toEqual([Infinity, Infinity]);
  });

  it('leaves out expired DLC items, and gives a DLC item only to recipients whose margin it leaves', () => {
    const candidates: AllocationCandidates = {
      offers: [
        anOffer('o1', [
          anItem('expired', 5, { dateKind: DateKind.DLC, date: '2026-11-22' }),
          // Ends 24 November 24:00 Paris: 33 h after the window closes at 15:00 on the 23rd.
          anItem('short', 5, { dateKind: DateKind.DLC, date: '2026-11-24' }),
          anItem('ddm-past', 5, { dateKind: DateKind.DDM, date: '2026-10-01' }),
        ]),
      ],
      recipients: [aRecipient('strict'), { ...aRecipient('fast'), dlcMarginHours: 24 }],
      distances: [distance('o1', 'strict', 2), distance('o1', 'fast', 3)],
    };
    const built = buildAllocationProblem(candidates, DAY, NOW);
    expect(built.problem.items.map((item) => item.offerItemId)).toEqual(['short', 'ddm-past']);
    expect(built.problem.items[0]?.dlcHoursAfterPickup).toBeCloseTo(33, 6);
    const result = allocate(built.problem);
    const shortGoesTo = result.assignments.filter((assignment) => assignment.offerItemId === 'short').map((assignment) => assignment.recipientId);
    expect(shortGoesTo).toEqual(['fast']);
    expect(allocationViolations(built.problem, result.assignments)).toEqual([]);
  });

  it('weighs urgent food more: a DLC item two days away outweighs undated food', () => {
    const candidates: AllocationCandidates = {
      offers: [anOffer('o1', [anItem('dlc', 5, { dateKind: DateKind.DLC, date: '2026-11-25' }), anItem('undated', 5)])],
      recipients: [aRecipient('r1')],
      distances: [distance('o1', 'r1', 2)],
    };
    const [dlc, undated] = buildAllocationProblem(candidates, DAY, NOW).problem.items;
    // Undated: lost when the window ends, 6 h from now; DLC: 64 h from now.
    expect(undated?.perishabilityWeight).toBeGreaterThan(dlc?.perishabilityWeight ?? Infinity);
    expect(dlc?.perishabilityWeight).toBeGreaterThanOrEqual(1);
  });
});

describe('toProposedClaims', () => {
  it('groups lines per offer and recipient, rounds down to the gram, and recomputes the figures on the rounded lines', () => {
    const candidates: AllocationCandidates = {
      offers: [anOffer('o1', [anItem('a', 10.0004), anItem('b', 3)]), anOffer('o2', [anItem('c', 2)])],
      recipients: [aRecipient('r1', { ambientKg: 1000 })],
      distances: [distance('o1', 'r1', 5), distance('o2', 'r1', 7)],
    };
    const built = buildAllocationProblem(candidates, DAY, NOW);
    const { claims, figures } = toProposedClaims(built, allocate(built.problem));
    expect(claims).toEqual([
      {
        offerId: 'o1',
        recipientOrganizationId: 'r1',
        lines: [
          { itemId: 'a', quantityKg: 10 },
          { itemId: 'b', quantityKg: 3 },
        ],
        totalKg: 13,
        distanceKm: 5,
      },
      { offerId: 'o2', recipientOrganizationId: 'r1', lines: [{ itemId: 'c', quantityKg: 2 }], totalKg: 2, distanceKm: 7 },
    ]);
    expect(figures.totalKg).toBe(15);
    expect(figures.distanceKm).toBe(12);
    expect(figures.claimCount).toBe(2);
    expect(figures.distanceCost).toBeCloseTo(0.01 * (13 * 5 + 2 * 7), 3);
    expect(figures.objective).toBeCloseTo(figures.weightedValue - figures.distanceCost, 3);
  });

  it('floors to the gram without turning an exact value down', () => {
    expect(floorToGram(1.2349)).toBe(1.234);
    expect(floorToGram(0.3)).toBe(0.3);
    expect(floorToGram(29.999999999)).toBe(30);
    expect(floorToGram(0.0004)).toBe(0);
  });
});
