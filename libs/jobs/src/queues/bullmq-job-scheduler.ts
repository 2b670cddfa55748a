import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { JobScheduler, type DebounceOptions, type EnqueueOptions, type JobName, type JobPayloads } from '#application';
import type { Queue } from 'bullmq';
import { JOB_DEFINITIONS } from './job-definitions';

@Injectable()
export class BullmqJobScheduler extends JobScheduler {
  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<string> {
    const definition = JOB_DEFINITIONS[name];
    const queue = this.moduleRef.get<Queue>(getQueueToken(definition.queue), { strict: false });
    const job = await queue.add(name, payload, { ...definition.options, jobId: options.jobId, delay: options.delayMs });
    if (job.id === undefined) throw new Error(`queue ${definition.queue} returned no id for ${name}`);
    return job.id;
  }

  // BullMQ's deduplication: `reschedule` moves the waiting (delayed) job to the last request's
  // delay, `keepLastIfActive` queues one more run for a request made while the job is active.
  async enqueueDebounced<N extends JobName>(name: N, payload: JobPayloads[N], options: DebounceOptions): Promise<void> {
    const definition = JOB_DEFINITIONS[name];
    const queue = this.moduleRef.get<Queue>(getQueueToken(definition.queue), { strict: false });
    await queue.add(name, payload, {
      ...definition.options,
      delay: options.delayMs,
      deduplication: { id: `${name}:${options.key}`, reschedule: true, keepLastIfActive: true },
    });
  }
}
