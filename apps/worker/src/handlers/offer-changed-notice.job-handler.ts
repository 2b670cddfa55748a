import { Injectable } from '@nestjs/common';
import { OfferChangeNotifier, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Every recorded change of an offer (or of a claim on it) becomes a live offerChanged notice, after commit. */
@Injectable()
@HandlesJob('offers.changed-notice')
export class OfferChangedNoticeJobHandler implements JobHandler<'offers.changed-notice'> {
  constructor(private readonly notifier: OfferChangeNotifier) {}

  async handle(payload: JobPayloads['offers.changed-notice']): Promise<void> {
    await this.notifier.offerChanged(payload.offerId);
  }
}
