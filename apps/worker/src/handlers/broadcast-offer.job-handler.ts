import { Injectable } from '@nestjs/common';
import { BroadcastOffer, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('offers.broadcast')
export class BroadcastOfferJobHandler implements JobHandler<'offers.broadcast'> {
  constructor(private readonly broadcastOffer: BroadcastOffer) {}

  async handle(payload: JobPayloads['offers.broadcast']): Promise<void> {
    await this.broadcastOffer.execute(payload);
  }
}
