import { Injectable } from '@nestjs/common';
import { ExpireDueOffers } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** The every-minute sweep (RECURRING_JOBS); idempotent, so a repeated or overlapping tick is harmless. */
@Injectable()
@HandlesJob('offers.expire-due')
export class ExpireDueOffersJobHandler implements JobHandler<'offers.expire-due'> {
  constructor(private readonly expireDueOffers: ExpireDueOffers) {}

  async handle(): Promise<void> {
    await this.expireDueOffers.execute();
  }
}
