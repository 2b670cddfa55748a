import { EARTH_MEAN_RADIUS_KM, isCategoryWithin, TEMPERATURE_CLASSES } from '#domain';
import type { AllocationProblem } from './allocation-problem.type';
import { haversineRadiansKm, RADIANS_PER_DEGREE, type Coordinates } from './geo-distance.util';
import { DEFAULT_DLC_MARGIN_HOURS } from './matching-input.type';

/**
 * λ = 0.01: moving one kg over 100 km costs as much as saving one kg of the least perishable food.
 * Within service radii (tens of km) distance therefore never outweighs saving food (weights are ≥ 1),
 * so the allocator never leaves food behind to save kilometres while someone in reach has room; it
 * only decides who gets what. Raise it to make distance count more.
 */
export const DEFAULT_DISTANCE_COST_PER_KG_KM = 0.01;

const KG_EPSILON = 1e-9;

/** Every eligible item–recipient pair, as parallel arrays ordered by item then recipient. */
export interface EligiblePairs {
  readonly count: number;
  readonly item: Int32Array;
  readonly recipient: Int32Array;
  readonly distanceKm: Float64Array;
  /** perishabilityWeight − λ × distanceKm; may be ≤ 0 (eligible but not worth the trip). */
  readonly valuePerKg: Float64Array;
}

/** Index of each item's temperature class in TEMPERATURE_CLASSES. */
export function temperatureIndexes(problem: AllocationProblem): Int32Array {
  const indexes = new Int32Array(problem.items.length);
  problem.items.forEach((item, i) => {
    indexes[i] = TEMPERATURE_CLASSES.indexOf(item.temperature);
  });
  return indexes;
}

/**
 * The rules of a pair, as in assessEligibility: the recipient has free storage in the item's class,
 * accepts its category, is within its own radius of the donor site, and the DLC leaves the
 * recipient's margin. Arrays rather than objects because the allocator walks them hundreds of
 * thousands of times; distances (haversineKm, inlined with the cosines computed once per point)
 * are computed once per donor site, not per item, and only for pairs the cheaper rules let through.
 */
export function buildEligiblePairs(problem: AllocationProblem): EligiblePairs {
  const { items, recipients } = problem;
  const n = items.length;
  const m = recipients.length;
  const lambda = problem.distanceCostPerKgKm ?? DEFAULT_DISTANCE_COST_PER_KG_KM;
  const given = problem.distanceKm;
  const classes = TEMPERATURE_CLASSES.length;
  const capacity = new Float64Array(m * classes);
  const margin = new Float64Array(m);
  const radius = new Float64Array(m);
  const latitude = new Float64Array(m);
  const longitude = new Float64Array(m);
  const cosLatitude = new Float64Array(m);
  for (let r = 0; r < m; r += 1) {
    const recipient = recipients[r];
    for (let t = 0; t < classes; t += 1) capacity[r * classes + t] = recipient.capacityKg[TEMPERATURE_CLASSES[t]] ?? 0;
    margin[r] = recipient.dlcMarginHours ?? DEFAULT_DLC_MARGIN_HOURS;
    radius[r] = recipient.serviceRadiusKm;
    latitude[r] = recipient.location.latitude * RADIANS_PER_DEGREE;
    longitude[r] = recipient.location.longitude * RADIANS_PER_DEGREE;
    cosLatitude[r] = Math.cos(latitude[r]);
  }
  const temperature = temperatureIndexes(problem);
  /**
   * Per category code and temperature class, the recipients that accept the category and have
   * room in the class: the inner loop then only meets likely pairs, instead of testing (and
   * mispredicting) the two rules for every recipient.
   */
  const candidatesFor = new Map<string, Int32Array>();
  const scratch = new Int32Array(m);
  /**
   * Items of one offer share their donor site (the same location object): one row of distances
   * per site, each computed the first time a pair that passes the cheaper rules needs it.
   */
  const siteIndex = new Map<Coordinates, number>();
  const siteOf = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    let site = siteIndex.get(items[i].location);
    if (site === undefined) {
      site = siteIndex.size;
      siteIndex.set(items[i].location, site);
    }
    siteOf[i] = site;
  }
  const siteDistance = new Float64Array(siteIndex.size * m);
  const known = new Uint8Array(siteIndex.size * m);

  let size = Math.max(64, n * 16);
  let pairItem = new Int32Array(size);
  let pairRecipient = new Int32Array(size);
  let pairDistance = new Float64Array(size);
  let pairValue = new Float64Array(size);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    const item = items[i];
    if (!(item.kg > KG_EPSILON)) continue;
    const t = temperature[i];
    const key = `${t}${item.categoryCode}`;
    let candidates = candidatesFor.get(key);
    if (candidates === undefined) {
      let found = 0;
      for (let r = 0; r < m; r += 1) {
        if (capacity[r * classes + t] > KG_EPSILON && recipients[r].acceptedCategoryCodes.some((accepted) => isCategoryWithin(item.categoryCode, accepted))) {
          scratch[found++] = r;
        }
      }
      candidates = scratch.slice(0, found);
      candidatesFor.set(key, candidates);
    }
    const dlcHours = item.dlcHoursAfterPickup ?? Infinity;
    const fixed = given?.[i];
    const rowStart = siteOf[i] * m;
    const siteLatitude = item.location.latitude * RADIANS_PER_DEGREE;
    const siteLongitude = item.location.longitude * RADIANS_PER_DEGREE;
    const siteCos = Math.cos(siteLatitude);
    const weight = item.perishabilityWeight;
    for (let c = 0; c < candidates.length; c += 1) {
      const r = candidates[c];
      if (dlcHours < margin[r]) continue;
      let d: number;
      if (fixed !== undefined) {
        // Unary plus: a plain number for V8, whatever array-like the caller passed.
        d = +fixed[r];
      } else if (known[rowStart + r] === 1) {
        d = siteDistance[rowStart + r];
      } else {
        const dLat = latitude[r] - siteLatitude;
        // The latitude gap alone is a lower bound of the distance: skip the rest when it is too far.
        d = Math.abs(dLat) * EARTH_MEAN_RADIUS_KM > radius[r] ? Infinity : haversineRadiansKm(dLat, longitude[r] - siteLongitude, siteCos, cosLatitude[r]);
        siteDistance[rowStart + r] = d;
        known[rowStart + r] = 1;
      }
      if (!(d <= radius[r])) continue;
      if (count === size) {
        size *= 2;
        pairItem = grow(pairItem, size);
        pairRecipient = grow(pairRecipient, size);
        pairDistance = grow(pairDistance, size);
        pairValue = grow(pairValue, size);
      }
      pairItem[count] = i;
      pairRecipient[count] = r;
      pairDistance[count] = d;
      pairValue[count] = weight - lambda * d;
      count += 1;
    }
  }
  return {
    count,
    item: pairItem.subarray(0, count),
    recipient: pairRecipient.subarray(0, count),
    distanceKm: pairDistance.subarray(0, count),
    valuePerKg: pairValue.subarray(0, count),
  };
}

function grow<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = (array instanceof Int32Array ? new Int32Array(size) : new Float64Array(size)) as T;
  bigger.set(array);
  return bigger;
}
