import type { PlanePoint } from '../distance/euclidean.distance-provider';
import type { RoutingProblem, RoutingVehicle } from '../routing-problem.type';

/**
 * The optimum of a small problem by exhaustive search, written independently of the solver: every
 * order of every subset of stops is tried on every vehicle, then a dynamic programme over subsets
 * assigns subsets to vehicles. The objective is the solver's: serve as many stops as possible, then
 * the least total distance.
 */
export interface Optimum {
  readonly served: number;
  readonly distance: number;
}

const TOLERANCE = 1e-9;

function length(a: PlanePoint, b: PlanePoint): number {
  return Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
}

/** Distance of the route visiting `order` (stop indices) with `vehicle`, or Infinity if infeasible. */
function routeDistance(problem: RoutingProblem<PlanePoint>, vehicle: RoutingVehicle, order: readonly number[]): number {
  const { depot, stops } = problem;
  let load = 0;
  let cold = false;
  for (const k of order) {
    load += stops[k].demandKg;
    if (stops[k].temperature !== 'AMBIENT') cold = true;
  }
  if (load > vehicle.capacityKg) return Number.POSITIVE_INFINITY;
  if (cold && !vehicle.refrigerated && vehicle.insulatedBoxMaxTime === undefined) return Number.POSITIVE_INFINITY;
  // As early as possible: the earliest return.
  let place = depot.location;
  let clock = depot.window.start;
  let distance = 0;
  for (const k of order) {
    const stop = stops[k];
    const leg = length(place, stop.location);
    distance += leg;
    const start = Math.max(clock + leg, stop.window.start);
    if (start + stop.serviceTime > stop.window.end + TOLERANCE) return Number.POSITIVE_INFINITY;
    clock = start + stop.serviceTime;
    place = stop.location;
  }
  const back = length(place, depot.location);
  distance += back;
  const earliestReturn = clock + back;
  if (earliestReturn > depot.window.end + TOLERANCE) return Number.POSITIVE_INFINITY;
  // As late as possible for that return: the shortest duration and the least time on board.
  const latest: number[] = [];
  let next = earliestReturn;
  let nextPlace = depot.location;
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const stop = stops[order[i]];
    latest[i] = Math.min(stop.window.end - stop.serviceTime, next - length(stop.location, nextPlace) - stop.serviceTime);
    next = latest[i];
    nextPlace = stop.location;
  }
  const departure = latest[0] - length(depot.location, stops[order[0]].location);
  if (problem.maxRouteDuration !== undefined && earliestReturn - departure > problem.maxRouteDuration + TOLERANCE) return Number.POSITIVE_INFINITY;
  if (cold && !vehicle.refrigerated) {
    const first = order.findIndex((k) => stops[k].temperature !== 'AMBIENT');
    if (earliestReturn - latest[first] > (vehicle.insulatedBoxMaxTime ?? 0) + TOLERANCE) return Number.POSITIVE_INFINITY;
  }
  return distance;
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

export function exhaustiveOptimum(problem: RoutingProblem<PlanePoint>): Optimum {
  const n = problem.stops.length;
  const full = 1 << n;
  // best[S]: least distance serving exactly the stops of S with the vehicles seen so far.
  let best = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (const vehicle of problem.vehicles) {
    const route = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
    route[0] = 0;
    for (let subset = 1; subset < full; subset += 1) {
      const members = [...Array(n).keys()].filter((k) => (subset >> k) & 1);
      for (const order of permutations(members)) route[subset] = Math.min(route[subset], routeDistance(problem, vehicle, order));
    }
    const nextBest = Float64Array.from(best);
    for (let subset = 1; subset < full; subset += 1) {
      // This vehicle serves `part`, the vehicles before it the rest.
      for (let part = subset; part > 0; part = (part - 1) & subset) {
        const candidate = route[part] + best[subset ^ part];
        if (candidate < nextBest[subset]) nextBest[subset] = candidate;
      }
    }
    best = nextBest;
  }
  let served = 0;
  let distance = 0;
  for (let subset = 0; subset < full; subset += 1) {
    if (!Number.isFinite(best[subset])) continue;
    let count = 0;
    for (let k = 0; k < n; k += 1) count += (subset >> k) & 1;
    if (count > served || (count === served && best[subset] < distance)) {
      served = count;
      distance = best[subset];
    }
  }
  return { served, distance };
}
