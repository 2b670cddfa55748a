import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { JOB_NAMES, type JobName, type JobPayloads } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobHandlerRegistry } from './job-handler-registry';

interface ActiveJob {
  readonly job: Job;
  readonly token: string | undefined;
  readonly done: Promise<void>;
}

/**
 * The one BullMQ consumer per queue: it dispatches each job to its registered handler. On SIGTERM
 * it stops taking jobs and waits for active ones up to the grace period; jobs still running then
 * are moved back to the waiting list at once, for another worker to take.
 */
export abstract class QueueProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly active = new Set<ActiveJob>();

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  // The worker instance exists only once @nestjs/bullmq has registered it (after module init).
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: Job, token?: string): Promise<void> {
    if (!(JOB_NAMES as readonly string[]).includes(job.name)) {
      // Retrying cannot help a job nobody knows: fail it at once, visibly.
      throw new UnrecoverableError(`unknown job name ${job.name}`);
    }
    const name = job.name as JobName;
    const done = this.registry.get(name).handle(job.data as JobPayloads[typeof name], { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
    const entry: ActiveJob = { job, token, done };
    this.active.add(entry);
    try {
      await done;
    } finally {
      this.active.delete(entry);
    }
  }

  // Runs before @nestjs/bullmq's own shutdown hook, whose graceful close would wait without limit.
  async onModuleDestroy(): Promise<void> {
    await this.worker.pause(true);
    const running = [...this.active];
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.config.worker.shutdownGraceMs).unref());
    const outcome = await Promise.race([Promise.allSettled(running.map((entry) => entry.done)), timeout]);
    if (outcome === 'timeout') {
      const unfinished = [...this.active];
      this.logger.warn(`${unfinished.length} job(s) still running after ${this.config.worker.shutdownGraceMs} ms; handing them back to the queue`);
      await Promise.allSettled(unfinished.map((entry) => entry.job.moveToWait(entry.token)));
      await this.worker.close(true);
      return;
    }
    await this.worker.close();
  }
}
