import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '../ports/job-payloads';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';

/** The worker's side of the heartbeat: says which process handled it, and when. */
@Injectable()
export class AnswerHeartbeat {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(command: JobPayloads['system.heartbeat']): Promise<void> {
    await this.events.publish('system.heartbeat', {
      ...command,
      processedAt: this.clock.now().toISOString(),
      processedBy: `${hostname()}:${process.pid}`,
    });
  }
}
