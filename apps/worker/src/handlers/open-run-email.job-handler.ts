import { Injectable } from '@nestjs/common';
import { TellOpenRun, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** A run given back close to its start: the other available drivers are asked to take it. */
@Injectable()
@HandlesJob('notifications.open-run-email')
export class OpenRunEmailJobHandler implements JobHandler<'notifications.open-run-email'> {
  constructor(private readonly tellOpenRun: TellOpenRun) {}

  async handle(payload: JobPayloads['notifications.open-run-email']): Promise<void> {
    await this.tellOpenRun.toAvailableDrivers(payload);
  }
}
