import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '../ports/event-publisher.port';

/**
 * Tells live subscribers (offerChanged) that an offer's status or claims changed. The worker calls
 * it for the `offers.changed-notice` jobs that every recorded domain event leaves in the outbox, so
 * it runs after commit (a subscriber that reloads the offer sees the new state) and even when the
 * API instance that made the change died right after it. The event is a hint to reload, not a
 * record: a failure to publish is logged, never retried forever.
 */
@Injectable()
export class OfferChangeNotifier {
  private readonly logger = new Logger(OfferChangeNotifier.name);

  constructor(private readonly events: EventPublisher) {}

  async offerChanged(offerId: string): Promise<void> {
    try {
      await this.events.publish('offers.changed', { offerId });
    } catch (error) {
      this.logger.warn(`offers.changed not published for ${offerId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
