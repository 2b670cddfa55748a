import type { JobName, JobPayloads } from './job-payloads';

export interface EnqueueOptions {
  /** Same id, same job: a retried request or a replayed outbox row never enqueues twice. */
  readonly jobId?: string;
  readonly delayMs?: number;
}

/** Schedules background work; implemented over BullMQ by libs/jobs. */
export abstract class JobScheduler {
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<string>;
}
