import type { PlannedRoute, PlannedVisit, RoutingPlan, RoutingProblem, UnservedStop } from '../routing-problem.type';
import type { CompiledInstance } from './compiled-instance';
import { unservableReason } from './servability';

/**
 * The plan from the routes the search chose (node numbers per vehicle). Each route is scheduled as
 * late as its earliest possible return allows: the vehicle leaves as late as it can (the shortest
 * route duration) and every pickup happens as late as it can (the least time on board for the
 * goods), both at once.
 */
export function buildPlan<L>(problem: RoutingProblem<L>, inst: CompiledInstance, routes: readonly (readonly number[])[]): RoutingPlan {
  const size = inst.nodeCount;
  const planned: PlannedRoute[] = [];
  const served = new Uint8Array(size);
  routes.forEach((stops, vehicle) => {
    if (stops.length === 0) return;
    // Earliest return: every service as early as possible from the depot's opening.
    let clock = inst.earliest[0];
    let previous = 0;
    for (const node of stops) {
      clock = Math.max(clock + inst.time[previous * size + node], inst.earliest[node]) + inst.service[node];
      previous = node;
    }
    const earliestReturn = clock + inst.time[previous * size];
    // Latest service starts compatible with that return.
    const latestStart = new Float64Array(stops.length);
    let next = 0;
    let nextStart = earliestReturn;
    for (let k = stops.length - 1; k >= 0; k -= 1) {
      const node = stops[k];
      latestStart[k] = Math.min(inst.latest[node], nextStart - inst.time[node * size + next] - inst.service[node]);
      nextStart = latestStart[k];
      next = node;
    }
    const departure = Math.max(inst.earliest[0], latestStart[0] - inst.time[stops[0]]);
    const visits: PlannedVisit[] = [];
    let leave = departure;
    previous = 0;
    let distance = 0;
    let load = 0;
    stops.forEach((node, k) => {
      const arrival = leave + inst.time[previous * size + node];
      const serviceStart = Math.max(arrival, latestStart[k], inst.earliest[node]);
      leave = serviceStart + inst.service[node];
      distance += inst.distance[previous * size + node];
      load += inst.demand[node];
      served[node] = 1;
      visits.push({ stopId: problem.stops[node - 1].id, arrival, serviceStart, departure: leave });
      previous = node;
    });
    distance += inst.distance[previous * size];
    planned.push({
      vehicleId: problem.vehicles[vehicle].id,
      departure,
      visits,
      return: leave + inst.time[previous * size],
      distance,
      loadKg: load,
    });
  });
  const unserved: UnservedStop[] = [];
  for (let node = 1; node < size; node += 1) {
    if (served[node] === 1) continue;
    unserved.push({ stopId: problem.stops[node - 1].id, reason: unservableReason(inst, node) ?? 'FLEET_EXHAUSTED' });
  }
  return {
    routes: planned,
    unserved,
    distance: planned.reduce((sum, route) => sum + route.distance, 0),
    vehicleCount: planned.length,
  };
}
