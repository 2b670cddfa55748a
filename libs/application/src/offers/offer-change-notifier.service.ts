import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '../ports/event-publisher.port';

/**
 * Tells live subscribers (offerChanged) that an offer's status or claims changed. Called after the
 * unit of work has committed, never inside it: a subscriber that reloads the offer must see the new
 * state. We publish directly rather than through the job outbox because the event is a hint to
 * reload, not a record: if Redis is down at that instant the write still stands and the next change
 * (or a reload) brings subscribers up to date, so a lost event costs less than a queue round trip on
 * every write. A failure to publish is logged, never reported as a failure of the write.
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
