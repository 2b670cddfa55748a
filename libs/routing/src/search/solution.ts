import type { CompiledInstance } from '../model/compiled-instance';
import { Route } from './route';

/** The stops of every route, packed: lengths[r] stops of route r, one route after the other. */
export class SavedRoutes {
  readonly nodes: Int32Array;
  readonly lengths: Int32Array;

  constructor(inst: CompiledInstance) {
    this.nodes = new Int32Array(inst.nodeCount);
    this.lengths = new Int32Array(inst.vehicleCount);
  }
}

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

  /** Keeps the routes' stops in `into` (no allocation: new bests are frequent early on). */
  saveTo(into: SavedRoutes): void {
    let at = 0;
    for (let r = 0; r < this.routes.length; r += 1) {
      const route = this.routes[r];
      into.lengths[r] = route.len;
      into.nodes.set(route.nodes.subarray(1, route.len + 1), at);
      at += route.len;
    }
  }

  /** Rebuilds the solution from saved routes. */
  loadFrom(saved: SavedRoutes): void {
    this.routeOf.fill(-1);
    let at = 0;
    for (let r = 0; r < this.routes.length; r += 1) {
      const route = this.routes[r];
      route.len = saved.lengths[r];
      for (let k = 1; k <= route.len; k += 1) {
        const node = saved.nodes[at];
        route.nodes[k] = node;
        this.routeOf[node] = r;
        at += 1;
      }
      route.refresh(this.inst);
    }
  }

  /** The stops of every route, in order (the compact form kept for the best solution). */
  snapshot(): number[][] {
    return this.routes.map((route) => Array.from(route.nodes.subarray(1, route.len + 1)));
  }
}
