import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobName, JobPayloads } from '#application';
import type { Queue } from 'bullmq';
import { JOB_DEFINITIONS } from './job-definitions';

export interface RecurringJob<N extends JobName = JobName> {
  /** The scheduler's id in Redis: one per recurring job, whatever the number of workers. */
  readonly schedulerId: string;
  readonly name: N;
  readonly payload: JobPayloads[N];
  readonly everyMs: number;
}

/** Work that runs on a clock rather than after a request. */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  { schedulerId: 'offers.expire-due', name: 'offers.expire-due', payload: {}, everyMs: 60_000 },
  { schedulerId: 'accounts.purge-expired-sessions', name: 'accounts.purge-expired-sessions', payload: {}, everyMs: 6 * 3600_000 },
  { schedulerId: 'claims.purge-idempotency-keys', name: 'claims.purge-idempotency-keys', payload: {}, everyMs: 3600_000 },
];

/**
 * Registers the recurring jobs in Redis when a worker starts. `upsertJobScheduler` is idempotent:
 * ten workers starting make one schedule, and a changed interval replaces the old one. The schedule
 * lives in Redis, not in any process, so it survives restarts and runs once per tick whichever
 * worker takes the job. Registration does not hold up start-up: if Redis is down it is retried,
 * logged once per cause, until it succeeds.
 */
@Injectable()
export class RecurringJobsRegistrar implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RecurringJobs');
  private registration: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    this.registration = this.registerUntilDone();
  }

  /** Resolves once every schedule is in Redis (tests and operators wait on it). */
  registered(): Promise<void> {
    return this.registration;
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }

  private async registerUntilDone(): Promise<void> {
    let lastError: string | undefined;
    while (!this.stopped) {
      try {
        await this.registerAll();
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) this.logger.error(`recurring jobs not registered yet (${message}); retrying`);
        lastError = message;
        await new Promise((resolve) => setTimeout(resolve, 2000).unref());
      }
    }
  }

  private async registerAll(): Promise<void> {
    for (const job of RECURRING_JOBS) {
      const definition = JOB_DEFINITIONS[job.name];
      const queue = this.moduleRef.get<Queue>(getQueueToken(definition.queue), { strict: false });
      await queue.upsertJobScheduler(job.schedulerId, { every: job.everyMs }, { name: job.name, data: job.payload, opts: definition.options ?? {} });
    }
  }
}
