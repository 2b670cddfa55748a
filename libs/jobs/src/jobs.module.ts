import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { EventsModule } from './events/events.module';
import { JobSchedulerModule } from './queues/job-scheduler.module';
import { DEFAULT_JOB_OPTIONS } from './queues/job-definitions';
import { QueueConnectionMonitor } from './queues/queue-connection-monitor';
import { redisOptions, type RedisRole } from './redis-connection';
import { JobHandlerRegistry } from './worker/job-handler-registry';
import { SystemQueueProcessor } from './worker/system-queue.processor';
import { OffersQueueProcessor } from './worker/offers-queue.processor';
import { RecurringJobsRegistrar } from './queues/recurring-jobs';
import { NotificationsQueueProcessor } from './worker/notifications-queue.processor';

const PROCESSORS = [SystemQueueProcessor, OffersQueueProcessor, NotificationsQueueProcessor];

function bullRoot(role: RedisRole): DynamicModule {
  return BullModule.forRootAsync({
    inject: [APP_CONFIG],
    // Read at module init, not import time, so each test run can bring its own prefix.
    useFactory: (config: AppConfig) => ({
      // ioredis options are what BullMQ passes to ioredis; its own type is only a looser copy of them.
      connection: redisOptions(config.redisUrl, role) as ConnectionOptions,
      prefix: config.queuePrefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    }),
  });
}

/**
 * BullMQ's connection for this process, the queues and the event bus; imported once, by the app's
 * root module. Feature modules import JobSchedulerModule or EventsModule for the ports they need.
 */
@Module({})
export class JobsModule {
  /** For processes that enqueue jobs and publish events (the API). */
  static forProducer(): DynamicModule {
    return {
      module: JobsModule,
      imports: [bullRoot('producer'), JobSchedulerModule, EventsModule],
      providers: [QueueConnectionMonitor],
      exports: [JobSchedulerModule, EventsModule],
    };
  }

  /** For the worker: consumes every queue and dispatches to the @HandlesJob providers of the app. */
  static forWorker(): DynamicModule {
    return {
      module: JobsModule,
      imports: [bullRoot('worker'), JobSchedulerModule, EventsModule, DiscoveryModule],
      providers: [QueueConnectionMonitor, JobHandlerRegistry, RecurringJobsRegistrar, ...PROCESSORS],
      exports: [JobSchedulerModule, EventsModule],
    };
  }
}
