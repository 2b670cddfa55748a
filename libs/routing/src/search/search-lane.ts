import type { CompiledInstance } from '../model/compiled-instance';
import { SisrSearch, type SearchRunOptions, type SearchRunResult } from './sisr.search';

/** What one thread runs: some of the parallel searches, one after the other. */
export interface LaneTask {
  readonly instance: CompiledInstance;
  readonly seed: number;
  readonly streams: readonly number[];
  readonly iterations: number;
  readonly deadline: number;
  readonly servable: Uint8Array;
}

export function runLane(task: LaneTask): SearchRunResult[] {
  const results: SearchRunResult[] = [];
  const timed = !Number.isFinite(task.iterations);
  task.streams.forEach((stream, index) => {
    // With a time budget, the runs of a lane share what is left of it evenly.
    const left = task.streams.length - index;
    const deadline = timed ? Date.now() + (task.deadline - Date.now()) / left : task.deadline;
    const options: SearchRunOptions = { seed: task.seed, stream, iterations: task.iterations, deadline, servable: task.servable };
    results.push(new SisrSearch(task.instance, options).run());
  });
  return results;
}
