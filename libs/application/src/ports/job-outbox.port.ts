import type { JobName, JobPayloads } from './job-payloads';
import type { EnqueueOptions } from './job-scheduler.port';

/**
 * Jobs that must be enqueued if, and only if, the surrounding transaction commits: they are written
 * as outbox rows in that transaction, and the worker's relay hands them to the queue afterwards
 * (at least once; the job id makes the queue drop a repeat).
 */
export abstract class JobOutbox {
  abstract add<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
}

export interface PendingOutboxJob {
  readonly id: string;
  readonly name: JobName;
  readonly payload: JobPayloads[JobName];
  readonly jobId: string | undefined;
  readonly delayMs: number | undefined;
}

/** The relay's view of the outbox. */
export abstract class OutboxRelayStore {
  /**
   * Locks up to `limit` undispatched rows (skipping rows another relay holds), lets `dispatch` send
   * them, and marks those it returns as dispatched, all in one transaction.
   */
  abstract dispatchBatch(limit: number, dispatch: (jobs: readonly PendingOutboxJob[]) => Promise<readonly string[]>): Promise<number>;
}
