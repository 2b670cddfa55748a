import type { CompiledInstance } from '../model/compiled-instance';

/**
 * One vehicle's route and what makes insertion checks O(1): for every position, the time-window
 * "segment" of the part before it (from the depot) and after it (to the depot), as in Vidal et al.,
 * "A hybrid genetic algorithm with adaptive diversity management for a large class of vehicle
 * routing problems with time-windows" (Computers & OR 40(1), 2013). A segment is summarised by
 * D (least duration, service and waiting included), E and L (earliest and latest start of service
 * at its first node that achieve D); feasible segments have no time warp.
 *
 * nodes[0] and nodes[len + 1] are the depot (node 0); nodes[1..len] are the stops.
 */
export class Route {
  readonly nodes: Int32Array;
  len = 0;
  load = 0;
  distance = 0;
  feasible = true;
  /** Position of the first chilled or frozen stop, or -1. */
  firstCold = -1;
  /** Prefix segments: depot to position k. */
  readonly fD: Float64Array;
  readonly fE: Float64Array;
  readonly fL: Float64Array;
  /** Suffix segments: position k to the depot. */
  readonly bD: Float64Array;
  readonly bE: Float64Array;
  readonly bL: Float64Array;
  /** Segments from the first cold stop to position k (vehicles with an insulated box only). */
  readonly cD: Float64Array;
  readonly cE: Float64Array;
  readonly cL: Float64Array;

  constructor(
    readonly vehicle: number,
    stopCount: number,
    readonly hasBox: boolean,
  ) {
    const size = stopCount + 2;
    this.nodes = new Int32Array(size);
    this.fD = new Float64Array(size);
    this.fE = new Float64Array(size);
    this.fL = new Float64Array(size);
    this.bD = new Float64Array(size);
    this.bE = new Float64Array(size);
    this.bL = new Float64Array(size);
    const boxSize = hasBox ? size : 0;
    this.cD = new Float64Array(boxSize);
    this.cE = new Float64Array(boxSize);
    this.cL = new Float64Array(boxSize);
  }

  /** Recomputes distance, load, segments and feasibility after the nodes changed. */
  refresh(inst: CompiledInstance): void {
    const { nodes, fD, fE, fL, bD, bE, bL } = this;
    const { time, distance, service, earliest, latest, demand, cold } = inst;
    const size = inst.nodeCount;
    const len = this.len;
    nodes[0] = 0;
    nodes[len + 1] = 0;

    let d = 0;
    let tw = 0;
    let e = earliest[0];
    let l = latest[0];
    fD[0] = 0;
    fE[0] = e;
    fL[0] = l;
    let dist = 0;
    let load = 0;
    let firstCold = -1;
    for (let k = 1; k <= len + 1; k += 1) {
      const prev = nodes[k - 1];
      const node = nodes[k];
      const t = time[prev * size + node];
      dist += distance[prev * size + node];
      load += demand[node];
      if (firstCold < 0 && cold[node] === 1) firstCold = k;
      const delta = d - tw + t;
      const e2 = earliest[node];
      const l2 = latest[node];
      const wait = Math.max(e2 - delta - l, 0);
      const warp = Math.max(e + delta - l2, 0);
      const ne = Math.max(e2 - delta, e) - wait;
      const nl = Math.min(l2 - delta, l) + warp;
      d = d + service[node] + t + wait;
      tw += warp;
      e = ne;
      l = nl;
      fD[k] = d;
      fE[k] = e;
      fL[k] = l;
    }
    this.distance = dist;
    this.load = load;
    this.firstCold = firstCold;
    let feasible = tw <= 0 && d <= inst.maxDuration && load <= inst.capacity[this.vehicle];

    bD[len + 1] = 0;
    bE[len + 1] = earliest[0];
    bL[len + 1] = latest[0];
    for (let k = len; k >= 0; k -= 1) {
      const node = nodes[k];
      const t = time[node * size + nodes[k + 1]];
      const d1 = service[node];
      const e1 = earliest[node];
      const l1 = latest[node];
      const delta = d1 + t;
      const wait = Math.max(bE[k + 1] - delta - l1, 0);
      const warp = Math.max(e1 + delta - bL[k + 1], 0);
      bE[k] = Math.max(bE[k + 1] - delta, e1) - wait;
      bL[k] = Math.min(bL[k + 1] - delta, l1) + warp;
      bD[k] = d1 + bD[k + 1] + t + wait;
    }

    if (firstCold >= 0 && len > 0) {
      if (inst.refrigerated[this.vehicle] === 1) {
        // Cold goods ride in the refrigerated body: nothing more to check.
      } else if (!this.hasBox) {
        feasible = false;
      } else {
        const { cD, cE, cL } = this;
        let cd = service[nodes[firstCold]];
        let ce = earliest[nodes[firstCold]];
        let cl = latest[nodes[firstCold]];
        cD[firstCold] = cd;
        cE[firstCold] = ce;
        cL[firstCold] = cl;
        for (let k = firstCold + 1; k <= len; k += 1) {
          const node = nodes[k];
          const delta = cd + time[nodes[k - 1] * size + node];
          const e2 = earliest[node];
          const l2 = latest[node];
          const wait = Math.max(e2 - delta - cl, 0);
          const ne = Math.max(e2 - delta, ce) - wait;
          const nl = Math.min(l2 - delta, cl);
          cd = cd + service[node] + (delta - cd) + wait;
          ce = ne;
          cl = nl;
          cD[k] = cd;
          cE[k] = ce;
          cL[k] = cl;
        }
        if (bD[firstCold] > inst.boxLimit[this.vehicle]) feasible = false;
      }
    }
    this.feasible = feasible;
  }

  /** Copies another route of the same vehicle (nodes and every derived figure). */
  copyFrom(other: Route): void {
    const n = other.len + 2;
    this.len = other.len;
    this.load = other.load;
    this.distance = other.distance;
    this.feasible = other.feasible;
    this.firstCold = other.firstCold;
    this.nodes.set(other.nodes.subarray(0, n));
    this.fD.set(other.fD.subarray(0, n));
    this.fE.set(other.fE.subarray(0, n));
    this.fL.set(other.fL.subarray(0, n));
    this.bD.set(other.bD.subarray(0, n));
    this.bE.set(other.bE.subarray(0, n));
    this.bL.set(other.bL.subarray(0, n));
    if (this.hasBox) {
      this.cD.set(other.cD.subarray(0, n));
      this.cE.set(other.cE.subarray(0, n));
      this.cL.set(other.cL.subarray(0, n));
    }
  }

  /**
   * Whether `node` fits between positions p and p + 1 as far as time and the cold chain go
   * (capacity and vehicle suitability are checked by the caller). O(1).
   */
  canInsert(inst: CompiledInstance, node: number, p: number): boolean {
    const size = inst.nodeCount;
    const a = this.nodes[p];
    const b = this.nodes[p + 1];
    const { time } = inst;
    const sc = inst.service[node];
    const ec = inst.earliest[node];
    const lc = inst.latest[node];
    // prefix(p) ⊕ node
    const t1 = time[a * size + node];
    const e1 = this.fE[p];
    const l1 = this.fL[p];
    const delta = this.fD[p] + t1;
    if (e1 + delta > lc) return false;
    const wait = Math.max(ec - delta - l1, 0);
    const d = this.fD[p] + sc + t1 + wait;
    const e = Math.max(ec - delta, e1) - wait;
    const l = Math.min(lc - delta, l1);
    // ⊕ suffix(p + 1)
    const t2 = time[node * size + b];
    const delta2 = d + t2;
    const e3 = this.bE[p + 1];
    if (e + delta2 > this.bL[p + 1]) return false;
    const total = d + this.bD[p + 1] + t2 + Math.max(e3 - delta2 - l, 0);
    if (total > inst.maxDuration) return false;

    if (this.hasBox && this.len > 0) return this.boxAllows(inst, node, p, t2);
    if (this.hasBox && inst.cold[node] === 1) {
      // An empty route: the node alone, from its service to the depot.
      return this.rideFromNode(inst, node, p, t2) <= inst.boxLimit[this.vehicle];
    }
    return true;
  }

  /** Least time on board of the first cold goods if `node` goes after position p. */
  private boxAllows(inst: CompiledInstance, node: number, p: number, t2: number): boolean {
    const first = this.firstCold;
    const limit = inst.boxLimit[this.vehicle];
    if (inst.cold[node] === 1 && (first < 0 || p < first)) return this.rideFromNode(inst, node, p, t2) <= limit;
    if (first < 0 || p < first) return true;
    // coldSegment(p) ⊕ node ⊕ suffix(p + 1)
    const size = inst.nodeCount;
    const t1 = inst.time[this.nodes[p] * size + node];
    const ec = inst.earliest[node];
    const lc = inst.latest[node];
    const delta = this.cD[p] + t1;
    const wait = Math.max(ec - delta - this.cL[p], 0);
    const d = this.cD[p] + inst.service[node] + t1 + wait;
    const l = Math.min(lc - delta, this.cL[p]);
    const delta2 = d + t2;
    const ride = d + this.bD[p + 1] + t2 + Math.max(this.bE[p + 1] - delta2 - l, 0);
    return ride <= limit;
  }

  /** Least duration of node ⊕ suffix(p + 1): the cold goods of `node` ride that long at least. */
  private rideFromNode(inst: CompiledInstance, node: number, p: number, t2: number): number {
    const sc = inst.service[node];
    const delta = sc + t2;
    return sc + this.bD[p + 1] + t2 + Math.max(this.bE[p + 1] - delta - inst.latest[node], 0);
  }
}
