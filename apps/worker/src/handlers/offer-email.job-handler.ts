import { Injectable } from '@nestjs/common';
import { SendOfferEmail, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('notifications.offer-email')
export class OfferEmailJobHandler implements JobHandler<'notifications.offer-email'> {
  constructor(private readonly sendOfferEmail: SendOfferEmail) {}

  async handle(payload: JobPayloads['notifications.offer-email']): Promise<void> {
    await this.sendOfferEmail.execute(payload);
  }
}
