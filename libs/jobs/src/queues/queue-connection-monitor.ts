import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from './queue-names';

/**
 * Listens to the queues' connection errors: without a listener BullMQ prints each reconnection
 * failure to stderr. Logs one line when Redis goes away (per cause), and one when it is back.
 */
@Injectable()
export class QueueConnectionMonitor implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private lastError: string | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => {
        if (error.message === this.lastError) return;
        this.lastError = error.message;
        this.logger.error(`queue "${name}" cannot reach redis (${error.message}); jobs cannot be enqueued until it is back`);
      });
    }
  }
}
