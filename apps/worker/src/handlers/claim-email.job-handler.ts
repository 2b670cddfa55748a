import { Injectable } from '@nestjs/common';
import { SendClaimEmail, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('notifications.claim-email')
export class ClaimEmailJobHandler implements JobHandler<'notifications.claim-email'> {
  constructor(private readonly sendClaimEmail: SendClaimEmail) {}

  async handle(payload: JobPayloads['notifications.claim-email']): Promise<void> {
    await this.sendClaimEmail.execute(payload);
  }
}
