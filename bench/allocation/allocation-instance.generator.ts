import { seededRandom } from '../support/seeded-random';
import type { TemperatureClass } from '#domain';
import { perishabilityWeight, type AllocationItem, type AllocationProblem, type AllocationRecipient, type Coordinates } from '#matching';

/**
 * Seeded random allocation instances shaped like one French région's day: donor sites and
 * recipients clustered around a few towns in a ~100 km box (around Lyon), a few rural ones, the
 * usual mix of categories and temperature classes, and less free storage than food (about 65 %),
 * because when everyone has room any allocation is optimal and the benchmark would prove nothing.
 */
export interface InstanceSize {
  readonly offers: number;
  readonly recipients: number;
}

const BOX = { south: 45.3, north: 46.2, west: 4.2, east: 5.5 };
/** Lyon, Villefranche, Vienne, Bourgoin, Ambérieu, Givors: where shops and associations are. */
const TOWNS: readonly (Coordinates & { readonly weight: number })[] = [
  { latitude: 45.764, longitude: 4.8357, weight: 0.45 },
  { latitude: 45.9894, longitude: 4.7186, weight: 0.1 },
  { latitude: 45.5256, longitude: 4.8746, weight: 0.1 },
  { latitude: 45.5867, longitude: 5.2789, weight: 0.1 },
  { latitude: 45.958, longitude: 5.358, weight: 0.05 },
  { latitude: 45.5906, longitude: 4.7689, weight: 0.05 },
];

interface CategoryProfile {
  readonly code: string;
  readonly temperatures: readonly TemperatureClass[];
  readonly dated: 'DLC' | 'DDM' | 'NONE';
  readonly share: number;
}

/** Codes of the domain taxonomy (#domain CATEGORY_TAXONOMY), with their usual storage and date. */
const CATEGORIES: readonly CategoryProfile[] = [
  { code: 'FOOD.DAIRY.YOGURT', temperatures: ['CHILLED'], dated: 'DLC', share: 0.12 },
  { code: 'FOOD.DAIRY.CHEESE', temperatures: ['CHILLED'], dated: 'DLC', share: 0.06 },
  { code: 'FOOD.MEAT.FRESH', temperatures: ['CHILLED'], dated: 'DLC', share: 0.08 },
  { code: 'FOOD.FROZEN.MEAT_FISH', temperatures: ['FROZEN'], dated: 'DDM', share: 0.05 },
  { code: 'FOOD.READY_MEALS.CHILLED', temperatures: ['CHILLED'], dated: 'DLC', share: 0.05 },
  { code: 'FOOD.FROZEN.READY_MEALS', temperatures: ['FROZEN'], dated: 'DDM', share: 0.03 },
  { code: 'FOOD.FRUIT_VEG.VEGETABLES', temperatures: ['AMBIENT', 'CHILLED'], dated: 'NONE', share: 0.12 },
  { code: 'FOOD.FRUIT_VEG.FRUIT', temperatures: ['AMBIENT', 'CHILLED'], dated: 'NONE', share: 0.1 },
  { code: 'FOOD.BAKERY.BREAD', temperatures: ['AMBIENT'], dated: 'NONE', share: 0.14 },
  { code: 'FOOD.DRY.PASTA_RICE', temperatures: ['AMBIENT'], dated: 'DDM', share: 0.09 },
  { code: 'FOOD.DRY.CANNED', temperatures: ['AMBIENT'], dated: 'DDM', share: 0.08 },
  { code: 'FOOD.BEVERAGES.SOFT', temperatures: ['AMBIENT'], dated: 'DDM', share: 0.04 },
  { code: 'NON_FOOD.HYGIENE.BODY', temperatures: ['AMBIENT'], dated: 'NONE', share: 0.04 },
];
/** What a recipient that does not take everything picks from. */
const BRANCHES = [
  'FOOD.DAIRY',
  'FOOD.MEAT',
  'FOOD.FROZEN',
  'FOOD.READY_MEALS',
  'FOOD.FRUIT_VEG',
  'FOOD.BAKERY',
  'FOOD.DRY',
  'FOOD.BEVERAGES',
  'NON_FOOD.HYGIENE',
];

/** Free storage over food on offer, per temperature class, so that capacity binds. */
const CAPACITY_TO_SUPPLY = 0.65;

export function generateInstance(size: InstanceSize, seed: number): AllocationProblem {
  const random = seededRandom(seed);
  const between = (low: number, high: number): number => low + (high - low) * random();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const place = (urban: number): Coordinates => {
    if (random() < urban) {
      let roll = random();
      let town = TOWNS[0];
      for (const candidate of TOWNS) {
        roll -= candidate.weight;
        town = candidate;
        if (roll <= 0) break;
      }
      const spreadKm = town === TOWNS[0] ? 7 : 4;
      return {
        latitude: clamp(town.latitude + (gaussian() * spreadKm) / 111.2, BOX.south, BOX.north),
        longitude: clamp(town.longitude + (gaussian() * spreadKm) / 78, BOX.west, BOX.east),
      };
    }
    return { latitude: between(BOX.south, BOX.north), longitude: between(BOX.west, BOX.east) };
  };
  const category = (): CategoryProfile => {
    let roll = random();
    for (const profile of CATEGORIES) {
      roll -= profile.share;
      if (roll <= 0) return profile;
    }
    return CATEGORIES[CATEGORIES.length - 1];
  };

  const items: AllocationItem[] = [];
  const supply: Record<TemperatureClass, number> = { AMBIENT: 0, CHILLED: 0, FROZEN: 0 };
  for (let o = 0; o < size.offers; o += 1) {
    const site = place(0.8);
    const itemCount = 1 + Math.floor(random() * 3);
    const windowEndHours = between(2, 30);
    for (let k = 0; k < itemCount; k += 1) {
      const profile = category();
      const temperature = pick(profile.temperatures);
      const kg = Math.round(Math.exp(between(Math.log(3), Math.log(400))) * 10) / 10;
      const dlcHoursAfterPickup = profile.dated === 'DLC' ? between(12, 200) : null;
      const hoursLeft = dlcHoursAfterPickup === null ? windowEndHours : windowEndHours + dlcHoursAfterPickup;
      items.push({
        offerItemId: `o${o}-i${k}`,
        kg,
        temperature,
        categoryCode: profile.code,
        perishabilityWeight: perishabilityWeight(hoursLeft),
        location: site,
        dlcHoursAfterPickup,
      });
      supply[temperature] += kg;
    }
  }

  const rawCapacity: Record<TemperatureClass, number>[] = [];
  const recipients: AllocationRecipient[] = [];
  for (let r = 0; r < size.recipients; r += 1) {
    const location = place(0.7);
    const big = random() < 0.15;
    const capacity: Record<TemperatureClass, number> = {
      AMBIENT: between(50, 400) * (big ? 4 : 1),
      CHILLED: random() < 0.75 ? between(20, 250) * (big ? 4 : 1) : 0,
      FROZEN: random() < 0.4 ? between(10, 150) * (big ? 4 : 1) : 0,
    };
    rawCapacity.push(capacity);
    const acceptsAll = random() < 0.4;
    const accepted = acceptsAll ? ['FOOD', 'NON_FOOD'] : BRANCHES.filter(() => random() < 0.55);
    recipients.push({
      recipientId: `r${String(r).padStart(4, '0')}`,
      location,
      serviceRadiusKm: big ? between(25, 45) : between(8, 30),
      acceptedCategoryCodes: accepted.length > 0 ? accepted : ['FOOD.DRY'],
      capacityKg: capacity,
      dlcMarginHours: random() < 0.3 ? 24 : 48,
    });
  }
  // Scale each class's storage to the chosen share of the food on offer in that class.
  const declared: Record<TemperatureClass, number> = { AMBIENT: 0, CHILLED: 0, FROZEN: 0 };
  for (const capacity of rawCapacity) {
    for (const temperature of ['AMBIENT', 'CHILLED', 'FROZEN'] as const) declared[temperature] += capacity[temperature];
  }
  const scaled = recipients.map((recipient, r) => {
    const capacityKg: Partial<Record<TemperatureClass, number>> = {};
    for (const temperature of ['AMBIENT', 'CHILLED', 'FROZEN'] as const) {
      const raw = rawCapacity[r][temperature];
      if (raw > 0 && declared[temperature] > 0) {
        capacityKg[temperature] = Math.round(((raw * CAPACITY_TO_SUPPLY * supply[temperature]) / declared[temperature]) * 10) / 10;
      }
    }
    return { ...recipient, capacityKg };
  });
  return { items, recipients: scaled };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
