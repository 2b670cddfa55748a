import { Worker } from 'node:worker_threads';
import type { LaneTask } from './search-lane';
import type { SearchRunResult } from './sisr.search';

/** One lane searched in a worker thread. */
export interface LaneThread {
  /**
   * What the lane found. Settles only once the thread has exited, so nothing of it is left running:
   * after its answer the thread is terminated; a thread that throws, cannot start, or ends without
   * answering (stopped, crashed, exited) rejects it rather than leaving it pending.
   */
  readonly results: Promise<SearchRunResult[]>;
  /** Ends the thread now (results rejects unless it had answered). */
  stop(): void;
}

/** Starts a worker thread on `file` (the built search-lane.worker.js, or a stand-in in tests) with the task. */
export function startLaneThread(file: string, task: LaneTask): LaneThread {
  const worker = new Worker(file, { workerData: task });
  let answer: SearchRunResult[] | undefined;
  let failure: Error | undefined;
  const results = new Promise<SearchRunResult[]>((resolve, reject) => {
    worker.once('message', (posted: SearchRunResult[]) => {
      answer = posted;
      // The lane posts once; whatever it might still do after that is not wanted.
      void worker.terminate();
    });
    worker.once('messageerror', (error) => {
      failure = error;
      void worker.terminate();
    });
    // An uncaught exception in the thread: 'exit' follows it.
    worker.once('error', (error) => {
      failure = error;
    });
    worker.once('exit', (code) => {
      if (answer !== undefined) resolve(answer);
      else reject(failure ?? new Error(`routing worker thread ended with exit code ${code} before answering`));
    });
  });
  return {
    results,
    stop: () => {
      void worker.terminate();
    },
  };
}

/**
 * The results of every thread, in their order. If one fails, the others are stopped (their work is
 * no longer wanted) and, once every thread has exited, the first failure is thrown.
 */
export async function collectLaneThreads(threads: readonly LaneThread[]): Promise<SearchRunResult[][]> {
  try {
    return await Promise.all(threads.map((thread) => thread.results));
  } catch (error) {
    await stopLaneThreads(threads);
    throw error;
  }
}

/** Stops every thread and waits until each has exited (their outcome no longer matters). */
export async function stopLaneThreads(threads: readonly LaneThread[]): Promise<void> {
  for (const thread of threads) thread.stop();
  await Promise.allSettled(threads.map((thread) => thread.results));
}
