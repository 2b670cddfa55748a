import { Inject, Logger, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { JOB_NAMES, type JobName, type JobPayloads } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobHandlerRegistry } from './job-handler-registry';

/**
 * The one BullMQ consumer per queue: it dispatches each job to its registered handler. On SIGTERM
 * it stops taking jobs and waits for active ones up to the grace period; jobs still running then
 * are released (BullMQ's stalled-job check hands them to another worker).
 */
export abstract class QueueProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);

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

  async process(job: Job): Promise<void> {
    if (!(JOB_NAMES as readonly string[]).includes(job.name)) {
      // Retrying cannot help a job nobody knows: fail it at once, visibly.
      throw new UnrecoverableError(`unknown job name ${job.name}`);
    }
    const name = job.name as JobName;
    await this.registry.get(name).handle(job.data as JobPayloads[typeof name], { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    const graceful = this.worker.close();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.config.worker.shutdownGraceMs).unref());
    if ((await Promise.race([graceful, timeout])) === 'timeout') {
      this.logger.warn('active jobs did not finish within the grace period; releasing them to other workers');
      await this.worker.close(true);
    }
  }
}
