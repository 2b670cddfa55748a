import { isCategoryWithin, TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import type { AllocationProblem } from './allocation-problem.type';
import { haversineRadiansKm, RADIANS_PER_DEGREE, type Coordinates } from './geo-distance.util';
import { buildReachGrid, cellOf } from './reach.grid';
import { DEFAULT_DLC_MARGIN_HOURS } from './matching-input.type';

/**
 * λ = 0.01: moving one kg over 100 km costs as much as saving one kg of the least perishable food.
 * Within service radii (tens of km) distance therefore never outweighs saving food (weights are ≥ 1),
 * so the allocator never leaves food behind to save kilometres while someone in reach has room; it
 * only decides who gets what. Raise it to make distance count more.
 */
export const DEFAULT_DISTANCE_COST_PER_KG_KM = 0.01;

const KG_EPSILON = 1e-9;
/**
 * Read once: compiled to CommonJS, every use of an imported binding is a property read through the
 * re-exporting index's getter, which shows in the profile of a loop run a million times.
 */
const CLASSES: readonly TemperatureClass[] = TEMPERATURE_CLASSES;
const categoryWithin: (code: string, acceptedCode: string) => boolean = isCategoryWithin;

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
    indexes[i] = CLASSES.indexOf(item.temperature);
  });
  return indexes;
}

/**
 * The rules of a pair, as in assessEligibility: the recipient has free storage in the item's class,
 * accepts its category, is within its own radius of the donor site, and the DLC leaves the
 * recipient's margin. Arrays rather than objects because the allocator walks them hundreds of
 * thousands of times. Distances are the domain's haversine (haversineRadiansKm), measured once per
 * donor site and recipient, and only to the recipients the reach grid says may be in range.
 */
export function buildEligiblePairs(problem: AllocationProblem): EligiblePairs {
  const { items, recipients } = problem;
  const n = items.length;
  const m = recipients.length;
  const lambda = problem.distanceCostPerKgKm ?? DEFAULT_DISTANCE_COST_PER_KG_KM;
  const given = problem.distanceKm;
  const classes = CLASSES.length;
  const capacity = new Float64Array(m * classes);
  const margin = new Float64Array(m);
  const radius = new Float64Array(m);
  const latitude = new Float64Array(m);
  const longitude = new Float64Array(m);
  const cosLatitude = new Float64Array(m);
  for (let r = 0; r < m; r += 1) {
    const recipient = recipients[r];
    for (let t = 0; t < classes; t += 1) capacity[r * classes + t] = recipient.capacityKg[CLASSES[t]] ?? 0;
    margin[r] = recipient.dlcMarginHours ?? DEFAULT_DLC_MARGIN_HOURS;
    radius[r] = recipient.serviceRadiusKm;
    latitude[r] = recipient.location.latitude * RADIANS_PER_DEGREE;
    longitude[r] = recipient.location.longitude * RADIANS_PER_DEGREE;
    cosLatitude[r] = Math.cos(latitude[r]);
  }
  const temperature = temperatureIndexes(problem);
  /** Per category code, which recipients accept it (1) or not (0). */
  const acceptedBy = new Map<string, Uint8Array>();
  /** Per temperature class, then category code: which recipients accept it and have room in the class. */
  const eligibleFor = CLASSES.map(() => new Map<string, Uint8Array>());
  /**
   * Items of one offer share their donor site (the same location object): the recipients that
   * may reach a site are looked up once, and their distances measured once, the first time a
   * pair that passes the cheaper rules needs them. Given distances skip the grid.
   */
  const grid =
    given === undefined
      ? buildReachGrid(
          recipients.map((recipient) => recipient.location.latitude),
          recipients.map((recipient) => recipient.location.longitude),
          radius,
        )
      : null;
  // The recipients to look at from each site: near[nearFrom[site] .. nearTo[site]).
  const near = grid === null ? Int32Array.from({ length: m }, (_, r) => r) : grid.members;
  const siteIndex = new Map<Coordinates, number>();
  const siteOf = new Int32Array(n);
  const nearFrom: number[] = [];
  const nearTo: number[] = [];
  const siteOffset: number[] = [];
  let distanceSlots = 0;
  /** Pairs to examine: an upper bound of the eligible ones, to size the arrays. */
  let examined = 0;
  for (let i = 0; i < n; i += 1) {
    const location = items[i].location;
    let site = siteIndex.get(location);
    if (site === undefined) {
      site = siteIndex.size;
      siteIndex.set(location, site);
      const cell = grid === null ? 0 : cellOf(grid, location.latitude, location.longitude);
      const from = grid === null ? 0 : cell === -1 ? 0 : grid.start[cell];
      const to = grid === null ? m : cell === -1 ? 0 : grid.start[cell + 1];
      nearFrom.push(from);
      nearTo.push(to);
      siteOffset.push(distanceSlots - from);
      distanceSlots += to - from;
    }
    siteOf[i] = site;
    examined += nearTo[site] - nearFrom[site];
  }
  const siteDistance = new Float64Array(distanceSlots);
  const known = new Uint8Array(distanceSlots);

  // Usually between a third and a half of the pairs examined are eligible: start at half, grow once at most.
  let size = Math.max(64, Math.ceil(examined / 2));
  let pairItem = new Int32Array(size);
  let pairRecipient = new Int32Array(size);
  let pairDistance = new Float64Array(size);
  let pairValue = new Float64Array(size);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    const item = items[i];
    if (!(item.kg > KG_EPSILON)) continue;
    const t = temperature[i];
    let eligible = eligibleFor[t].get(item.categoryCode);
    if (eligible === undefined) {
      let accepts = acceptedBy.get(item.categoryCode);
      if (accepts === undefined) {
        accepts = new Uint8Array(m);
        for (let r = 0; r < m; r += 1) {
          accepts[r] = recipients[r].acceptedCategoryCodes.some((accepted) => categoryWithin(item.categoryCode, accepted)) ? 1 : 0;
        }
        acceptedBy.set(item.categoryCode, accepts);
      }
      eligible = new Uint8Array(m);
      for (let r = 0; r < m; r += 1) eligible[r] = accepts[r] === 1 && capacity[r * classes + t] > KG_EPSILON ? 1 : 0;
      eligibleFor[t].set(item.categoryCode, eligible);
    }
    const dlcHours = item.dlcHoursAfterPickup ?? Infinity;
    const fixed = given?.[i];
    const site = siteOf[i];
    const from = nearFrom[site];
    const to = nearTo[site];
    // Slot of near[c] in siteDistance is offset + c.
    const offset = siteOffset[site];
    const siteLatitude = item.location.latitude * RADIANS_PER_DEGREE;
    const siteLongitude = item.location.longitude * RADIANS_PER_DEGREE;
    const siteCos = Math.cos(siteLatitude);
    const weight = item.perishabilityWeight;
    for (let c = from; c < to; c += 1) {
      const r = near[c];
      if (eligible[r] === 0 || dlcHours < margin[r]) continue;
      let d: number;
      if (fixed !== undefined) {
        // Unary plus: a plain number for V8, whatever array-like the caller passed.
        d = +fixed[r];
      } else if (known[offset + c] === 1) {
        d = siteDistance[offset + c];
      } else {
        d = haversineRadiansKm(latitude[r] - siteLatitude, longitude[r] - siteLongitude, siteCos, cosLatitude[r]);
        siteDistance[offset + c] = d;
        known[offset + c] = 1;
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
