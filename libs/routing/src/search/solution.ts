import type { CompiledInstance } from '../model/compiled-instance';
import { Route } from './route';

/** A full assignment: one route per vehicle (possibly empty) and the stops left out. */
export class Solution {
  readonly routes: Route[];
  /** Route index of each node, -1 when unassigned (and for the depot). */
  readonly routeOf: Int32Array;

  constructor(readonly inst: CompiledInstance) {
    const stopCount = inst.nodeCount - 1;
    this.routes = [];
    for (let v = 0; v < inst.vehicleCount; v += 1) {
      const route = new Route(v, stopCount, inst.boxLimit[v] >= 0);
      route.refresh(inst);
      this.routes.push(route);
    }
    this.routeOf = new Int32Array(inst.nodeCount).fill(-1);
  }

  distance(): number {
    let total = 0;
    for (const route of this.routes) total += route.distance;
    return total;
  }

  usedVehicles(): number {
    let used = 0;
    for (const route of this.routes) if (route.len > 0) used += 1;
    return used;
  }

  servedCount(): number {
    let served = 0;
    for (const route of this.routes) served += route.len;
    return served;
  }

  /** Copies route r (and the route membership of its stops) from another solution. */
  copyRouteFrom(other: Solution, r: number): void {
    const route = this.routes[r];
    route.copyFrom(other.routes[r]);
    for (let k = 1; k <= route.len; k += 1) this.routeOf[route.nodes[k]] = r;
  }

  copyFrom(other: Solution): void {
    for (let r = 0; r < this.routes.length; r += 1) this.routes[r].copyFrom(other.routes[r]);
    this.routeOf.set(other.routeOf);
  }

  /** The stops of every route, in order (the compact form kept for the best solution). */
  snapshot(): number[][] {
    return this.routes.map((route) => Array.from(route.nodes.subarray(1, route.len + 1)));
  }

  /** Rebuilds the solution from a snapshot. */
  restore(routes: readonly (readonly number[])[]): void {
    this.routeOf.fill(-1);
    routes.forEach((stops, r) => {
      const route = this.routes[r];
      route.len = stops.length;
      stops.forEach((node, k) => {
        route.nodes[k + 1] = node;
        this.routeOf[node] = r;
      });
      route.refresh(this.inst);
    });
  }
}
