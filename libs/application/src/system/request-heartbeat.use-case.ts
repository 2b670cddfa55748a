import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { Clock } from '../ports/clock.port';
import { JobScheduler } from '../ports/job-scheduler.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HeartbeatRequest {
  readonly requestId: string;
  readonly requestedAt: Date;
}

/** Sends a heartbeat through the queue; the worker answers on the `system.heartbeat` topic. */
@Injectable()
export class RequestHeartbeat {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  /** A client that wants the answer subscribes first with an id of its own choosing (a UUID). */
  async execute(requestId: string = randomUUID()): Promise<HeartbeatRequest> {
    if (!UUID.test(requestId)) throw new DomainError('VALIDATION_FAILED', 'requestId', { detail: 'UUID attendu / UUID expected' });
    const request = { requestId: requestId.toLowerCase(), requestedAt: this.clock.now() };
    await this.jobs.enqueue(
      'system.heartbeat',
      { requestId: request.requestId, requestedAt: request.requestedAt.toISOString() },
      { jobId: `heartbeat-${request.requestId}` },
    );
    return request;
  }
}
