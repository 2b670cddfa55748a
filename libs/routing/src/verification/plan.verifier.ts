/**
 * An independent check of a routing plan, written apart from the solver and sharing no code with
 * it (it imports nothing): capacity, windows, service times, route duration, the cold chain, every
 * stop exactly once, and the reported figures. Tests and benchmarks run every plan through it.
 *
 * The shapes below are this file's own; the library's problem and plan types fit them.
 */
export interface CheckedWindow {
  readonly start: number;
  readonly end: number;
}

export interface CheckedProblem<L> {
  readonly depot: { readonly id: string; readonly location: L; readonly window: CheckedWindow };
  readonly stops: readonly {
    readonly id: string;
    readonly location: L;
    readonly demandKg: number;
    readonly window: CheckedWindow;
    readonly serviceTime: number;
    readonly temperature: string;
  }[];
  readonly vehicles: readonly { readonly id: string; readonly capacityKg: number; readonly refrigerated: boolean; readonly insulatedBoxMaxTime?: number }[];
  readonly maxRouteDuration?: number;
}

export interface CheckedPlan {
  readonly routes: readonly {
    readonly vehicleId: string;
    readonly departure: number;
    readonly visits: readonly { readonly stopId: string; readonly arrival: number; readonly serviceStart: number; readonly departure: number }[];
    readonly return: number;
    readonly distance: number;
    readonly loadKg: number;
  }[];
  readonly unserved: readonly { readonly stopId: string; readonly reason: string }[];
  readonly distance: number;
  readonly vehicleCount: number;
}

/** Distance and travel time from one place to another, as the problem defines them. */
export type TravelFunction<L> = (from: L, to: L) => { readonly distance: number; readonly time: number };

/** Straight-line travel in the plane at speed 1 (the benchmark convention). */
export function planeTravel(
  from: { readonly x: number; readonly y: number },
  to: { readonly x: number; readonly y: number },
): { distance: number; time: number } {
  const distance = Math.sqrt((from.x - to.x) ** 2 + (from.y - to.y) ** 2);
  return { distance, time: distance };
}

/** Schedules must add up to this (sums taken in another order differ in the last bits). */
const SAME = 1e-6;
/** Limits (windows, capacity, durations) may not be exceeded by more than rounding. */
const ROUNDING = 1e-9;

function exceeds(value: number, limit: number): boolean {
  return value > limit + ROUNDING * Math.max(1, Math.abs(limit));
}

function differs(a: number, b: number): boolean {
  return !(Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b)));
}

/** Every broken rule of the plan, in words; an empty list means the plan is feasible. */
export function verifyPlan<L>(problem: CheckedProblem<L>, plan: CheckedPlan, travel: TravelFunction<L>): string[] {
  const problems: string[] = [];
  const stops = new Map(problem.stops.map((stop) => [stop.id, stop]));
  const vehicles = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]));
  const seen = new Map<string, number>();
  const count = (id: string): void => {
    seen.set(id, (seen.get(id) ?? 0) + 1);
  };
  const usedVehicles = new Set<string>();
  let total = 0;

  for (const route of plan.routes) {
    const vehicle = vehicles.get(route.vehicleId);
    if (vehicle === undefined) {
      problems.push(`route of unknown vehicle ${route.vehicleId}`);
      continue;
    }
    if (usedVehicles.has(vehicle.id)) problems.push(`vehicle ${vehicle.id} has two routes`);
    usedVehicles.add(vehicle.id);
    if (route.visits.length === 0) problems.push(`vehicle ${vehicle.id} has an empty route`);
    const label = `vehicle ${vehicle.id}`;
    if (route.departure < problem.depot.window.start - ROUNDING) problems.push(`${label} leaves before the depot opens`);

    let place = problem.depot.location;
    let clock = route.departure;
    let distance = 0;
    let load = 0;
    let firstColdStart: number | undefined;
    for (const visit of route.visits) {
      const stop = stops.get(visit.stopId);
      if (stop === undefined) {
        problems.push(`${label} visits unknown stop ${visit.stopId}`);
        continue;
      }
      count(stop.id);
      const leg = travel(place, stop.location);
      distance += leg.distance;
      load += stop.demandKg;
      const at = `${label} at ${stop.id}`;
      if (differs(visit.arrival, clock + leg.time)) problems.push(`${at}: arrival ${visit.arrival} is not departure + travel (${clock + leg.time})`);
      if (visit.serviceStart < visit.arrival - ROUNDING) problems.push(`${at}: service starts before arrival`);
      if (visit.serviceStart < stop.window.start - ROUNDING) problems.push(`${at}: service starts before the window opens`);
      if (differs(visit.departure, visit.serviceStart + stop.serviceTime)) problems.push(`${at}: service does not last its service time`);
      if (exceeds(visit.departure, stop.window.end)) problems.push(`${at}: service ends after the window closes`);
      if (stop.temperature !== 'AMBIENT' && firstColdStart === undefined) {
        firstColdStart = visit.serviceStart;
        if (!vehicle.refrigerated && vehicle.insulatedBoxMaxTime === undefined) problems.push(`${at}: cold goods in a vehicle with no cold chain`);
      }
      clock = Math.max(clock + leg.time, visit.departure);
      place = stop.location;
    }
    const back = travel(place, problem.depot.location);
    distance += back.distance;
    if (differs(route.return, clock + back.time)) problems.push(`${label}: return ${route.return} is not last departure + travel (${clock + back.time})`);
    if (exceeds(route.return, problem.depot.window.end)) problems.push(`${label}: back after the depot closes`);
    if (problem.maxRouteDuration !== undefined && exceeds(route.return - route.departure, problem.maxRouteDuration)) {
      problems.push(`${label}: the route lasts ${route.return - route.departure}, more than ${problem.maxRouteDuration}`);
    }
    if (exceeds(load, vehicle.capacityKg)) problems.push(`${label}: load ${load} kg over capacity ${vehicle.capacityKg} kg`);
    if (differs(load, route.loadKg)) problems.push(`${label}: reported load ${route.loadKg} is not ${load}`);
    if (differs(distance, route.distance)) problems.push(`${label}: reported distance ${route.distance} is not ${distance}`);
    if (firstColdStart !== undefined && !vehicle.refrigerated && vehicle.insulatedBoxMaxTime !== undefined) {
      if (exceeds(route.return - firstColdStart, vehicle.insulatedBoxMaxTime)) {
        problems.push(`${label}: cold goods ride ${route.return - firstColdStart}, more than the box allows (${vehicle.insulatedBoxMaxTime})`);
      }
    }
    total += distance;
  }

  for (const unserved of plan.unserved) {
    if (!stops.has(unserved.stopId)) problems.push(`unknown unserved stop ${unserved.stopId}`);
    count(unserved.stopId);
  }
  for (const stop of problem.stops) {
    const times = seen.get(stop.id) ?? 0;
    if (times !== 1) problems.push(`stop ${stop.id} appears ${times} times (served or unserved), not once`);
  }
  if (differs(total, plan.distance)) problems.push(`reported distance ${plan.distance} is not ${total}`);
  if (plan.vehicleCount !== plan.routes.length) problems.push(`reported ${plan.vehicleCount} vehicles for ${plan.routes.length} routes`);
  return problems;
}
