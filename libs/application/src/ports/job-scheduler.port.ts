import type { JobName, JobPayloads } from './job-payloads';

export interface EnqueueOptions {
  /** Same id, same job: a retried request or a replayed outbox row never enqueues twice. */
  readonly jobId?: string;
  readonly delayMs?: number;
}

/** A job that a burst of requests runs once: the same key within the delay is one job. */
export interface DebounceOptions {
  /** Requests with the same key are one job. */
  readonly key: string;
  /** The job runs this long after the last request of a burst. */
  readonly delayMs: number;
}

/** Schedules background work; implemented over BullMQ by libs/jobs. */
export abstract class JobScheduler {
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<string>;

  /**
   * Debounced: a request while the job waits pushes it back by `delayMs` (one job for the burst);
   * a request while it runs makes it run once more afterwards, so no request made after the job
   * read its input is lost. Never two at once for one key, on any number of processes.
   */
  abstract enqueueDebounced<N extends JobName>(name: N, payload: JobPayloads[N], options: DebounceOptions): Promise<void>;
}
