import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { JobScheduler } from '#application';
import { BullmqJobScheduler } from './bullmq-job-scheduler';
import { QUEUE_NAMES } from './queue-names';

/** Every queue, registered once: their connection and prefix come from JobsModule's BullMQ root. */
export const QUEUES = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));

/** The JobScheduler port on the BullMQ queues, for any module whose use cases enqueue jobs. */
@Module({
  imports: [QUEUES],
  providers: [{ provide: JobScheduler, useClass: BullmqJobScheduler }],
  exports: [JobScheduler, QUEUES],
})
export class JobSchedulerModule {}
