import { Injectable } from '@nestjs/common';
import { EventPublisher } from '../ports/event-publisher.port';

/** After commit (from the outbox), tells every API instance that a run changed; runUpdated subscribers reload it. */
@Injectable()
export class RunChangeNotifier {
  constructor(private readonly events: EventPublisher) {}

  async runChanged(runId: string): Promise<void> {
    await this.events.publish('runs.changed', { runId });
  }
}
