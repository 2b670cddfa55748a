import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DistanceProvider } from './distance/distance-provider.port';
import { compileInstance, type CompiledInstance } from './model/compiled-instance';
import { buildPlan } from './model/plan.builder';
import { validateProblem } from './model/problem.validator';
import { unservableReason } from './model/servability';
import { RoutingError } from './routing-error';
import type { RoutingPlan, RoutingProblem } from './routing-problem.type';
import { collectLaneThreads, startLaneThread, stopLaneThreads } from './search/lane-thread';
import { runLane, type LaneTask } from './search/search-lane';
import type { SearchRunResult } from './search/sisr.search';

export interface SolveOptions {
  /** Seed of the random source (an integer). Default 1. */
  readonly seed?: number;
  /**
   * Iterations per run. The same seed, iterations and runs give the same plan, and more iterations
   * never a worse one (as long as the time cap is not reached). Infinity: search until the time cap,
   * spreading the cooling over the time (best quality for a time budget, not repeatable). Default
   * 2000 per stop.
   */
  readonly iterations?: number;
  /** Wall-clock cap of the search, in seconds. Default 10. */
  readonly maxSeconds?: number;
  /** Independent searches (different random streams); the best plan wins. Default 2. */
  readonly runs?: number;
  /** Threads the runs are spread over. Default: as many as runs, at most the available cores. */
  readonly threads?: number;
  /**
   * Every thread a worker thread, the calling one only waiting: for a server, whose event loop must
   * keep answering while a plan is searched. The plan is the same as without it. Default false: the
   * first thread is the calling one (nothing to start, the fastest for a command line).
   */
  readonly offMainThread?: boolean;
}

const WORKER_FILE = join(__dirname, 'search', 'search-lane.worker.js');

function checkOptions(options: SolveOptions, stopCount: number): Required<SolveOptions> {
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? 2000 * Math.max(1, stopCount);
  const maxSeconds = options.maxSeconds ?? 10;
  const runs = options.runs ?? 2;
  const threads = Math.min(runs, options.threads ?? Math.max(1, availableParallelism()));
  if (!Number.isSafeInteger(seed)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'seed');
  if (!(iterations === Number.POSITIVE_INFINITY || (Number.isSafeInteger(iterations) && iterations >= 0))) {
    throw new RoutingError('INVALID_SEARCH_OPTIONS', 'iterations');
  }
  if (!(Number.isFinite(maxSeconds) && maxSeconds > 0)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'maxSeconds');
  if (!(Number.isSafeInteger(runs) && runs >= 1 && runs <= 64)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'runs');
  if (!(Number.isSafeInteger(threads) && threads >= 1)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'threads');
  return { seed, iterations, maxSeconds, runs, threads, offMainThread: options.offMainThread === true };
}

/**
 * Plans routes for the problem: validates it (coded RoutingError on bad input), asks the provider
 * for travel times, searches, and returns a plan that respects every constraint, with the stops it
 * could not serve and why. Minimises total distance; fewer vehicles break ties.
 */
export async function solveRouting<L>(problem: RoutingProblem<L>, provider: DistanceProvider<L>, options: SolveOptions = {}): Promise<RoutingPlan> {
  const startedAt = Date.now();
  validateProblem(problem, provider);
  const settings = checkOptions(options, problem.stops.length);
  const matrix = await provider.matrix([problem.depot.location, ...problem.stops.map((stop) => stop.location)]);
  const instance = compileInstance(problem, matrix);
  const servable = new Uint8Array(instance.nodeCount);
  for (let node = 1; node < instance.nodeCount; node += 1) servable[node] = unservableReason(instance, node) === null ? 1 : 0;
  const deadline = startedAt + settings.maxSeconds * 1000;
  const results = await searchInLanes(instance, servable, settings, deadline);
  return buildPlan(problem, instance, bestOf(results).routes);
}

/** The best result by a rule that does not depend on which thread finished first. */
function bestOf(results: readonly SearchRunResult[]): SearchRunResult {
  return [...results].sort((a, b) => a.unassigned - b.unassigned || a.distance - b.distance || a.vehicles - b.vehicles || a.stream - b.stream)[0];
}

async function searchInLanes(instance: CompiledInstance, servable: Uint8Array, settings: Required<SolveOptions>, deadline: number): Promise<SearchRunResult[]> {
  const lanes: number[][] = Array.from({ length: settings.threads }, () => []);
  for (let stream = 0; stream < settings.runs; stream += 1) lanes[stream % settings.threads].push(stream);
  const task = (streams: number[]): LaneTask => ({ instance, seed: settings.seed, streams, iterations: settings.iterations, deadline, servable });
  // Without the built worker file (running from TypeScript sources, as in unit tests) every lane
  // runs here, one after the other: the same runs, so the same plan.
  if (!existsSync(WORKER_FILE) || (settings.threads === 1 && !settings.offMainThread)) return runLane(task(lanes.flat()));
  if (settings.offMainThread) return (await collectLaneThreads(lanes.map((streams) => startLaneThread(WORKER_FILE, task(streams))))).flat();

  const others = lanes.slice(1).map((streams) => startLaneThread(WORKER_FILE, task(streams)));
  // The first lane runs in this thread while the workers run theirs.
  let mine: SearchRunResult[];
  try {
    mine = runLane(task(lanes[0]));
  } catch (error) {
    await stopLaneThreads(others);
    throw error;
  }
  return [...mine, ...(await collectLaneThreads(others)).flat()];
}
