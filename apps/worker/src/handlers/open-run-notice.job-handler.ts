import { Injectable } from '@nestjs/common';
import { TellOpenRun, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** A run given back close to its start: the other available drivers hear of it live (openRunOffered). */
@Injectable()
@HandlesJob('runs.open-run-notice')
export class OpenRunNoticeJobHandler implements JobHandler<'runs.open-run-notice'> {
  constructor(private readonly tellOpenRun: TellOpenRun) {}

  async handle(payload: JobPayloads['runs.open-run-notice']): Promise<void> {
    await this.tellOpenRun.liveToAvailableDrivers(payload);
  }
}
