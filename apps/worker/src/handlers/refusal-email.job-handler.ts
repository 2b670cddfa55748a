import { Injectable } from '@nestjs/common';
import { SendRefusalEmail, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('notifications.refusal-email')
export class RefusalEmailJobHandler implements JobHandler<'notifications.refusal-email'> {
  constructor(private readonly sendRefusalEmail: SendRefusalEmail) {}

  async handle(payload: JobPayloads['notifications.refusal-email']): Promise<void> {
    await this.sendRefusalEmail.execute(payload);
  }
}
