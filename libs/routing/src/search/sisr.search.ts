import type { CompiledInstance } from '../model/compiled-instance';
import { SeededRandom } from './seeded-random';
import { SavedRoutes, Solution } from './solution';

/**
 * Ruin and recreate with slack induction by string removals (SISR: Christiaens & Vanden Berghe,
 * "Slack induction by string removals for vehicle routing problems", Transportation Science 54(2),
 * 2020), under simulated annealing. Each iteration removes a few strings of consecutive stops from
 * routes near a random stop, then reinserts every removed stop at its cheapest feasible place
 * ("blinks" skip a few places at random, which diversifies), and accepts the result by annealing.
 */
export interface SearchRunOptions {
  readonly seed: number;
  /** Which of the parallel runs this is: each draws its own random sequence. */
  readonly stream: number;
  /** Iterations budget; Infinity means "until the deadline", with the cooling spread over the time. */
  readonly iterations: number;
  /** Wall clock (Date.now()) at which the run stops, whatever the budget. */
  readonly deadline: number;
  /** 1 for the stops some vehicle can serve alone; the others are never tried. */
  readonly servable: Uint8Array;
}

export interface SearchRunResult {
  readonly stream: number;
  /** Stops of each vehicle's route, in visiting order (node numbers). */
  readonly routes: number[][];
  readonly distance: number;
  readonly vehicles: number;
  readonly unassigned: number;
  readonly iterations: number;
}

/** Average number of stops removed per iteration (c̄ in the paper). */
const AVERAGE_REMOVED = 10;
/** Longest string removed from one route (L^max). */
const MAX_STRING = 10;
/** Probability of skipping a feasible insertion place. */
const BLINK_RATE = 0.01;
/** Probability that a split string preserves one more stop. */
const SPLIT_CONTINUE = 0.5;
/**
 * Start and end temperatures, as multiples of the initial solution's average arc length (so the
 * same settings suit kilometres and abstract benchmark units). The paper's 100 → 1 on Solomon
 * coordinates is about 10 → 0.1 average arcs.
 */
const START_TEMPERATURE = 10;
const END_TEMPERATURE = 0.1;
/**
 * In iterations mode, the cooling lasts this many iterations per stop, whatever the budget (so that
 * a bigger budget only extends the same search); afterwards the search restarts from the best
 * solution in shorter reheated cycles.
 */
const HORIZON_PER_STOP = 500;
const REHEAT_CYCLE_SHARE = 0.25;
const REHEAT_START_SHARE = 0.3;

/** Recreate orders and their weights (random 4, demand 4, far 2, close 1, as in the paper). */
const ORDER_WEIGHTS = [4, 4, 2, 1] as const;

export class SisrSearch {
  private readonly rng: SeededRandom;
  private readonly current: Solution;
  private readonly working: Solution;
  private readonly stopCount: number;
  private readonly neighbours: Int32Array;
  private readonly penalty: number;
  private readonly servableCount: number;

  private readonly removed: Int32Array;
  private removedCount = 0;
  private readonly sortKeys: Float64Array;
  private readonly dirty: Int32Array;
  private dirtyCount = 0;
  private readonly dirtyMark: Int32Array;
  private readonly typeMark: Int32Array;
  private stamp = 1;
  private typeStamp = 1;

  constructor(
    private readonly inst: CompiledInstance,
    private readonly options: SearchRunOptions,
  ) {
    this.rng = new SeededRandom(options.seed, options.stream);
    this.current = new Solution(inst);
    this.working = new Solution(inst);
    this.stopCount = inst.nodeCount - 1;
    this.neighbours = nearestNeighbours(inst);
    this.removed = new Int32Array(inst.nodeCount);
    this.sortKeys = new Float64Array(inst.nodeCount);
    this.dirty = new Int32Array(inst.vehicleCount);
    this.dirtyMark = new Int32Array(inst.vehicleCount);
    this.typeMark = new Int32Array(inst.vehicleCount);
    let longest = 0;
    for (let k = 0; k < inst.distance.length; k += 1) longest = Math.max(longest, inst.distance[k]);
    // Leaving a stop out must always cost more than any detour saved by it.
    this.penalty = 100 * (longest + 1);
    let servable = 0;
    for (let node = 1; node <= this.stopCount; node += 1) servable += options.servable[node];
    this.servableCount = servable;
  }

  run(): SearchRunResult {
    const { current, working, rng, options } = this;
    const startedAt = Date.now();

    // Construction: every servable stop inserted at its cheapest place, farthest from the depot first.
    this.removedCount = 0;
    this.beginMove();
    this.recreate(2);
    current.copyFrom(working);
    let currentCost = this.cost(working);
    const best = new SavedRoutes(this.inst);
    working.saveTo(best);
    let bestCost = currentCost;
    let bestVehicles = working.usedVehicles();

    const served = Math.max(1, working.servedCount());
    const scale = working.distance() / (served + working.usedVehicles()) || 1;
    const hot = START_TEMPERATURE * scale;
    const cold = END_TEMPERATURE * scale;
    const timed = !Number.isFinite(options.iterations);
    const horizon = HORIZON_PER_STOP * this.stopCount;
    const cycle = Math.max(1, Math.round(horizon * REHEAT_CYCLE_SHARE));
    const span = Math.max(1, options.deadline - startedAt);

    let temperature = hot;
    let iteration = 0;
    for (; iteration < options.iterations; iteration += 1) {
      if ((iteration & 31) === 0) {
        const now = Date.now();
        if (now >= options.deadline) break;
        if (timed) temperature = hot * Math.pow(cold / hot, Math.min(1, (now - startedAt) / span));
      }
      if (!timed) {
        if (iteration < horizon) {
          temperature = hot * Math.pow(cold / hot, iteration / horizon);
        } else {
          const into = (iteration - horizon) % cycle;
          if (into === 0) {
            // A reheated cycle restarts from the best solution found.
            working.loadFrom(best);
            current.copyFrom(working);
            currentCost = this.cost(current);
          }
          temperature = hot * REHEAT_START_SHARE * Math.pow(cold / (hot * REHEAT_START_SHARE), into / cycle);
        }
      }

      this.beginMove();
      if (!this.ruin()) {
        this.rollback();
        continue;
      }
      this.recreate(this.pickOrder());
      const cost = this.cost(working);
      if (cost < currentCost - temperature * Math.log(rng.next() + 1e-300)) {
        this.commit();
        currentCost = cost;
        const vehicles = working.usedVehicles();
        if (cost < bestCost - 1e-9 || (cost <= bestCost + 1e-9 && vehicles < bestVehicles)) {
          working.saveTo(best);
          bestCost = cost;
          bestVehicles = vehicles;
        }
      } else {
        this.rollback();
      }
    }

    working.loadFrom(best);
    return {
      stream: options.stream,
      routes: working.snapshot(),
      distance: working.distance(),
      vehicles: working.usedVehicles(),
      unassigned: this.servableCount - working.servedCount(),
      iterations: iteration,
    };
  }

  private cost(solution: Solution): number {
    return solution.distance() + this.penalty * (this.servableCount - solution.servedCount());
  }

  private beginMove(): void {
    this.dirtyCount = 0;
    this.stamp += 1;
  }

  private markDirty(r: number): void {
    if (this.dirtyMark[r] !== this.stamp) {
      this.dirtyMark[r] = this.stamp;
      this.dirty[this.dirtyCount] = r;
      this.dirtyCount += 1;
    }
  }

  /** Keeps the working solution: the current one takes its changed routes. */
  private commit(): void {
    const { current, working } = this;
    for (let k = 0; k < this.dirtyCount; k += 1) current.copyRouteFrom(working, this.dirty[k]);
    for (let k = 0; k < this.removedCount; k += 1) current.routeOf[this.removed[k]] = working.routeOf[this.removed[k]];
  }

  /** Drops the working solution's changes. */
  private rollback(): void {
    const { current, working } = this;
    for (let k = 0; k < this.dirtyCount; k += 1) working.copyRouteFrom(current, this.dirty[k]);
    for (let k = 0; k < this.removedCount; k += 1) working.routeOf[this.removed[k]] = current.routeOf[this.removed[k]];
  }

  /**
   * Removes strings of stops from routes around a random seed stop. Returns false when the ruined
   * routes became infeasible (possible only with travel times that break the triangle inequality).
   */
  private ruin(): boolean {
    const { working, rng, inst } = this;
    this.removedCount = 0;
    const served = working.servedCount();
    // Stops left out so far get another chance at every iteration.
    if (served < this.servableCount) {
      for (let node = 1; node <= this.stopCount; node += 1) {
        if (this.options.servable[node] === 1 && working.routeOf[node] < 0) this.pushRemoved(node);
      }
    }
    if (served === 0) return true;
    const used = working.usedVehicles();
    const maxString = Math.min(MAX_STRING, served / used);
    const maxStrings = (4 * AVERAGE_REMOVED) / (1 + maxString) - 1;
    const strings = Math.floor(rng.next() * maxStrings) + 1;

    let seed = 1 + rng.below(this.stopCount);
    while (working.routeOf[seed] < 0) seed = 1 + rng.below(this.stopCount);
    const row = seed * this.stopCount;
    let ruined = 0;
    for (let k = 0; k < this.stopCount && ruined < strings; k += 1) {
      const node = k === 0 ? seed : this.neighbours[row + k - 1];
      const r = working.routeOf[node];
      if (r < 0 || this.dirtyMark[r] === this.stamp) continue;
      const route = working.routes[r];
      const stringLength = Math.floor(rng.next() * Math.min(route.len, maxString)) + 1;
      this.markDirty(r);
      ruined += 1;
      if (stringLength === route.len || rng.next() < 0.5) this.removeString(r, node, stringLength);
      else this.removeSplitString(r, node, stringLength);
    }
    let feasible = true;
    for (let k = 0; k < this.dirtyCount; k += 1) {
      const route = working.routes[this.dirty[k]];
      route.refresh(inst);
      if (!route.feasible) feasible = false;
    }
    return feasible;
  }

  private pushRemoved(node: number): void {
    this.removed[this.removedCount] = node;
    this.removedCount += 1;
  }

  private positionOf(r: number, node: number): number {
    const nodes = this.working.routes[r].nodes;
    let k = 1;
    while (nodes[k] !== node) k += 1;
    return k;
  }

  /** Removes `length` consecutive stops of route r, a string that contains `node`. */
  private removeString(r: number, node: number, length: number): void {
    const route = this.working.routes[r];
    const at = this.positionOf(r, node);
    const lowest = Math.max(1, at - length + 1);
    const highest = Math.min(at, route.len - length + 1);
    const start = lowest + this.rng.below(highest - lowest + 1);
    this.cut(r, start, length, 0, 0);
  }

  /** Removes `length` stops out of a longer string containing `node`, keeping a run of them in place. */
  private removeSplitString(r: number, node: number, length: number): void {
    const route = this.working.routes[r];
    let kept = 1;
    while (length + kept < route.len && this.rng.next() < SPLIT_CONTINUE) kept += 1;
    const total = length + kept;
    const at = this.positionOf(r, node);
    const lowest = Math.max(1, at - total + 1);
    const highest = Math.min(at, route.len - total + 1);
    const start = lowest + this.rng.below(highest - lowest + 1);
    const keptFrom = this.rng.below(length + 1);
    this.cut(r, start, total, keptFrom, kept);
  }

  /** Removes positions [start, start + total) of route r except `kept` of them from offset `keptFrom`. */
  private cut(r: number, start: number, total: number, keptFrom: number, kept: number): void {
    const { working } = this;
    const route = working.routes[r];
    const nodes = route.nodes;
    let write = start;
    for (let k = 0; k < total; k += 1) {
      const node = nodes[start + k];
      if (k >= keptFrom && k < keptFrom + kept) {
        nodes[write] = node;
        write += 1;
      } else {
        working.routeOf[node] = -1;
        this.pushRemoved(node);
      }
    }
    for (let k = start + total; k <= route.len; k += 1) {
      nodes[write] = nodes[k];
      write += 1;
    }
    route.len = write - 1;
  }

  private pickOrder(): number {
    let draw = this.rng.below(ORDER_WEIGHTS[0] + ORDER_WEIGHTS[1] + ORDER_WEIGHTS[2] + ORDER_WEIGHTS[3]);
    for (let order = 0; order < ORDER_WEIGHTS.length; order += 1) {
      if (draw < ORDER_WEIGHTS[order]) return order;
      draw -= ORDER_WEIGHTS[order];
    }
    return 0;
  }

  /** Sorts the removed stops: 0 random, 1 largest demand first, 2 farthest first, 3 closest first. */
  private sortRemoved(order: number): void {
    const { removed, sortKeys, inst, rng } = this;
    const count = this.removedCount;
    for (let k = 0; k < count; k += 1) {
      const node = removed[k];
      switch (order) {
        case 1:
          sortKeys[k] = -inst.demand[node];
          break;
        case 2:
          sortKeys[k] = -inst.distance[node];
          break;
        case 3:
          sortKeys[k] = inst.distance[node];
          break;
        default:
          sortKeys[k] = rng.next();
      }
      // Ties (equal demands) are broken at random.
      sortKeys[k] += rng.next() * 1e-9 * (1 + Math.abs(sortKeys[k]));
    }
    for (let k = 1; k < count; k += 1) {
      const key = sortKeys[k];
      const node = removed[k];
      let j = k - 1;
      while (j >= 0 && sortKeys[j] > key) {
        sortKeys[j + 1] = sortKeys[j];
        removed[j + 1] = removed[j];
        j -= 1;
      }
      sortKeys[j + 1] = key;
      removed[j + 1] = node;
    }
  }

  /** Inserts every removed stop at its cheapest feasible place (with blinks). */
  private recreate(order: number): void {
    const { working, inst, rng } = this;
    if (this.removedCount === 0) {
      for (let node = 1; node <= this.stopCount; node += 1) if (this.options.servable[node] === 1 && working.routeOf[node] < 0) this.pushRemoved(node);
    }
    this.sortRemoved(order);
    const size = inst.nodeCount;
    const { distance, demand, capacity, cold, refrigerated, boxLimit, vehicleType } = inst;
    const routes = working.routes;
    for (let k = 0; k < this.removedCount; k += 1) {
      const node = this.removed[k];
      const isCold = cold[node] === 1;
      let best = Number.POSITIVE_INFINITY;
      let bestRoute = -1;
      let bestPosition = -1;
      this.typeStamp += 1;
      for (let r = 0; r < routes.length; r += 1) {
        const route = routes[r];
        const v = route.vehicle;
        if (isCold && refrigerated[v] === 0 && boxLimit[v] < 0) continue;
        if (route.load + demand[node] > capacity[v]) continue;
        if (route.len === 0) {
          if (this.typeMark[vehicleType[v]] === this.typeStamp) continue;
          this.typeMark[vehicleType[v]] = this.typeStamp;
        }
        const nodes = route.nodes;
        for (let p = 0; p <= route.len; p += 1) {
          const a = nodes[p];
          const b = nodes[p + 1];
          const delta = distance[a * size + node] + distance[node * size + b] - distance[a * size + b];
          if (delta < best && rng.next() >= BLINK_RATE && route.canInsert(inst, node, p)) {
            best = delta;
            bestRoute = r;
            bestPosition = p;
          }
        }
      }
      if (bestRoute >= 0) {
        const route = routes[bestRoute];
        const nodes = route.nodes;
        for (let q = route.len + 1; q > bestPosition; q -= 1) nodes[q + 1] = nodes[q];
        nodes[bestPosition + 1] = node;
        route.len += 1;
        route.refresh(inst);
        working.routeOf[node] = bestRoute;
        this.markDirty(bestRoute);
      }
    }
  }
}

/** For each stop, the other stops by increasing distance (row `node`, node 1 first row). */
function nearestNeighbours(inst: CompiledInstance): Int32Array {
  const stops = inst.nodeCount - 1;
  const size = inst.nodeCount;
  const table = new Int32Array((stops + 1) * stops);
  const order: number[] = [];
  for (let node = 1; node <= stops; node += 1) {
    order.length = 0;
    for (let other = 1; other <= stops; other += 1) if (other !== node) order.push(other);
    order.sort((x, y) => inst.distance[node * size + x] + inst.distance[x * size + node] - inst.distance[node * size + y] - inst.distance[y * size + node]);
    for (let k = 0; k < order.length; k += 1) table[node * stops + k] = order[k];
  }
  return table;
}
