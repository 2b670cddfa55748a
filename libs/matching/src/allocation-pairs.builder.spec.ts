import fc from 'fast-check';
import { haversineKm, isCategoryWithin, type TemperatureClass } from '#domain';
import { buildEligiblePairs, DEFAULT_DISTANCE_COST_PER_KG_KM } from './allocation-pairs.builder';
import type { AllocationProblem } from './allocation-problem.type';

/** The rules of a pair written the plain way, one pair at a time. */
function naivePairs(problem: AllocationProblem): string[] {
  const pairs: string[] = [];
  problem.items.forEach((item, i) => {
    problem.recipients.forEach((recipient, r) => {
      const room = recipient.capacityKg[item.temperature] ?? 0;
      const accepts = recipient.acceptedCategoryCodes.some((accepted) => isCategoryWithin(item.categoryCode, accepted));
      const dlcOk = item.dlcHoursAfterPickup == null || item.dlcHoursAfterPickup >= (recipient.dlcMarginHours ?? 48);
      const distance = haversineKm(item.location, recipient.location);
      if (item.kg > 0 && room > 0 && accepts && dlcOk && distance <= recipient.serviceRadiusKm) pairs.push(`${i}:${r}:${distance.toFixed(6)}`);
    });
  });
  return pairs;
}

function builtPairs(problem: AllocationProblem): string[] {
  const pairs = buildEligiblePairs(problem);
  return Array.from({ length: pairs.count }, (_, p) => `${pairs.item[p]}:${pairs.recipient[p]}:${pairs.distanceKm[p].toFixed(6)}`);
}

const point = fc.record({ latitude: fc.double({ min: 45.3, max: 46.2, noNaN: true }), longitude: fc.double({ min: 4.2, max: 5.5, noNaN: true }) });
const temperature = fc.constantFrom<TemperatureClass>('AMBIENT', 'CHILLED', 'FROZEN');
const problems: fc.Arbitrary<AllocationProblem> = fc
  .record({
    sites: fc.array(point, { minLength: 1, maxLength: 6 }),
    items: fc.array(
      fc.record({
        kg: fc.integer({ min: 0, max: 50 }),
        temperature,
        categoryCode: fc.constantFrom('FOOD.DAIRY.YOGURT', 'FOOD.DAIRY', 'FOOD.BAKERY.BREAD', 'NON_FOOD.HYGIENE.BODY'),
        site: fc.nat(),
        dlc: fc.option(fc.integer({ min: 0, max: 72 }), { nil: undefined }),
      }),
      { maxLength: 15 },
    ),
    recipients: fc.array(
      fc.record({
        location: point,
        radius: fc.double({ min: 0, max: 60, noNaN: true }),
        accepts: fc.subarray(['FOOD', 'FOOD.DAIRY', 'FOOD.BAKERY', 'NON_FOOD']),
        capacity: fc.record({ AMBIENT: fc.integer({ min: 0, max: 9 }), CHILLED: fc.integer({ min: 0, max: 9 }) }),
        margin: fc.option(fc.constantFrom(0, 24, 48), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ sites, items, recipients }) => ({
    items: items.map((drawn, i) => ({
      offerItemId: `item-${i}`,
      kg: drawn.kg,
      temperature: drawn.temperature,
      categoryCode: drawn.categoryCode,
      perishabilityWeight: 2,
      location: sites[drawn.site % sites.length],
      dlcHoursAfterPickup: drawn.dlc,
    })),
    recipients: recipients.map((drawn, r) => ({
      recipientId: `recipient-${r}`,
      location: drawn.location,
      serviceRadiusKm: drawn.radius,
      acceptedCategoryCodes: drawn.accepts,
      capacityKg: drawn.capacity,
      dlcMarginHours: drawn.margin,
    })),
  }));

describe('buildEligiblePairs', () => {
  it('finds exactly the pairs that pass every rule, with their haversine distance, in item then recipient order', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        expect(builtPairs(problem)).toEqual(naivePairs(problem));
      }),
      { numRuns: 400 },
    );
  });

  it('uses the distances it is given instead of measuring them', () => {
    const problem: AllocationProblem = {
      items: [
        {
          offerItemId: 'bread',
          kg: 5,
          temperature: 'AMBIENT',
          categoryCode: 'FOOD.BAKERY.BREAD',
          perishabilityWeight: 1.5,
          location: { latitude: 45.7, longitude: 4.8 },
        },
      ],
      recipients: [
        { recipientId: 'a', location: { latitude: 45.7, longitude: 4.8 }, serviceRadiusKm: 10, acceptedCategoryCodes: ['FOOD'], capacityKg: { AMBIENT: 5 } },
        { recipientId: 'b', location: { latitude: 45.7, longitude: 4.8 }, serviceRadiusKm: 10, acceptedCategoryCodes: ['FOOD'], capacityKg: { AMBIENT: 5 } },
      ],
      distanceKm: [[12, 8]],
    };
    const pairs = buildEligiblePairs(problem);

    expect(Array.from(pairs.recipient)).toEqual([1]);
    expect(Array.from(pairs.valuePerKg)).toEqual([1.5 - 8 * DEFAULT_DISTANCE_COST_PER_KG_KM]);
  });
});
