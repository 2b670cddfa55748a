import { Injectable } from '@nestjs/common';
import { SendUnservedPickupsEmail, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('notifications.unserved-pickups-email')
export class UnservedPickupsEmailJobHandler implements JobHandler<'notifications.unserved-pickups-email'> {
  constructor(private readonly sendUnservedPickupsEmail: SendUnservedPickupsEmail) {}

  async handle(payload: JobPayloads['notifications.unserved-pickups-email']): Promise<void> {
    await this.sendUnservedPickupsEmail.execute(payload);
  }
}
