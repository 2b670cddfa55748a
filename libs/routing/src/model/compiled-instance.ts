import { TemperatureClass } from '#domain';
import type { TravelMatrix } from '../distance/distance-provider.port';
import { RoutingError } from '../routing-error';
import type { RoutingProblem } from '../routing-problem.type';

/**
 * The problem as the search sees it: nodes numbered 0 (the depot) to n, everything in typed arrays
 * (fast to read, and copied cheaply to worker threads). Times are "start of service" times: a node
 * may start service in [earliest, latest]; for the depot, vehicles leave at or after earliest[0]
 * and arrive back by latest[0].
 */
export interface CompiledInstance {
  readonly nodeCount: number;
  readonly distance: Float64Array;
  readonly time: Float64Array;
  readonly demand: Float64Array;
  readonly earliest: Float64Array;
  readonly latest: Float64Array;
  readonly service: Float64Array;
  /** 1 for chilled or frozen goods. */
  readonly cold: Uint8Array;
  readonly vehicleCount: number;
  readonly capacity: Float64Array;
  readonly refrigerated: Uint8Array;
  /** Longest time cold goods may ride in the vehicle's insulated box; -1 when it has none (or is refrigerated). */
  readonly boxLimit: Float64Array;
  /** Vehicles with the same type are interchangeable (capacity, refrigeration, box). */
  readonly vehicleType: Int32Array;
  readonly maxDuration: number;
}

/**
 * Latest starts are pulled in by this much (relative to the magnitude of the times) so that a plan
 * the search finds feasible stays feasible when re-checked with sums taken in another order:
 * float rounding never turns into a broken window.
 */
const SAFETY = 1e-9;

function pulledIn(value: number, floor: number): number {
  return Math.max(floor, value - SAFETY * Math.max(1, Math.abs(value)));
}

export function compileInstance<L>(problem: RoutingProblem<L>, matrix: TravelMatrix): CompiledInstance {
  const nodeCount = problem.stops.length + 1;
  if (matrix.size !== nodeCount || matrix.distance.length !== nodeCount * nodeCount || matrix.time.length !== nodeCount * nodeCount) {
    throw new RoutingError('INVALID_TRAVEL_MATRIX', 'matrix', `Expected ${nodeCount} × ${nodeCount} entries.`);
  }
  for (let k = 0; k < nodeCount * nodeCount; k += 1) {
    const d = matrix.distance[k];
    const t = matrix.time[k];
    if (!(Number.isFinite(d) && d >= 0 && Number.isFinite(t) && t >= 0)) {
      throw new RoutingError('INVALID_TRAVEL_MATRIX', 'matrix', `Entry ${Math.floor(k / nodeCount)} → ${k % nodeCount} is not a finite non-negative number.`);
    }
  }
  const demand = new Float64Array(nodeCount);
  const earliest = new Float64Array(nodeCount);
  const latest = new Float64Array(nodeCount);
  const service = new Float64Array(nodeCount);
  const cold = new Uint8Array(nodeCount);
  earliest[0] = problem.depot.window.start;
  latest[0] = pulledIn(problem.depot.window.end, problem.depot.window.start);
  problem.stops.forEach((stop, index) => {
    const node = index + 1;
    demand[node] = stop.demandKg;
    service[node] = stop.serviceTime;
    earliest[node] = stop.window.start;
    latest[node] = pulledIn(stop.window.end - stop.serviceTime, stop.window.start);
    cold[node] = stop.temperature === TemperatureClass.AMBIENT ? 0 : 1;
  });

  const vehicleCount = problem.vehicles.length;
  const capacity = new Float64Array(vehicleCount);
  const refrigerated = new Uint8Array(vehicleCount);
  const boxLimit = new Float64Array(vehicleCount);
  const vehicleType = new Int32Array(vehicleCount);
  const types = new Map<string, number>();
  problem.vehicles.forEach((vehicle, v) => {
    capacity[v] = vehicle.capacityKg;
    refrigerated[v] = vehicle.refrigerated ? 1 : 0;
    boxLimit[v] = vehicle.refrigerated || vehicle.insulatedBoxMaxTime === undefined ? -1 : vehicle.insulatedBoxMaxTime;
    const key = `${capacity[v]}|${refrigerated[v]}|${boxLimit[v]}`;
    if (!types.has(key)) types.set(key, types.size);
    vehicleType[v] = types.get(key) ?? 0;
  });

  return {
    nodeCount,
    distance: matrix.distance,
    time: matrix.time,
    demand,
    earliest,
    latest,
    service,
    cold,
    vehicleCount,
    capacity,
    refrigerated,
    boxLimit,
    vehicleType,
    maxDuration: problem.maxRouteDuration ?? Number.POSITIVE_INFINITY,
  };
}
