import { Injectable } from '@nestjs/common';
import { OutboxRelayStore } from '../ports/job-outbox.port';
import { JobScheduler } from '../ports/job-scheduler.port';

/**
 * Moves committed outbox rows to the queue. Safe with several workers (rows are locked with SKIP
 * LOCKED) and after a crash (a row is marked only once the queue accepted it; a repeat enqueue
 * carries the same job id, which the queue ignores).
 */
@Injectable()
export class DispatchOutbox {
  constructor(
    private readonly store: OutboxRelayStore,
    private readonly jobs: JobScheduler,
  ) {}

  /** Returns how many jobs were handed to the queue. */
  async execute(batchSize = 100): Promise<number> {
    return this.store.dispatchBatch(batchSize, async (pending) => {
      const sent: string[] = [];
      for (const job of pending) {
        await this.jobs.enqueue(job.name, job.payload, { jobId: job.jobId ?? `outbox-${job.id}`, delayMs: job.delayMs });
        sent.push(job.id);
      }
      return sent;
    });
  }
}
