import { Injectable } from '@nestjs/common';
import { TellOpenRun, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Still open some time after it was given back: the coordinators are told. */
@Injectable()
@HandlesJob('runs.untaken-check')
export class UntakenCheckJobHandler implements JobHandler<'runs.untaken-check'> {
  constructor(private readonly tellOpenRun: TellOpenRun) {}

  async handle(payload: JobPayloads['runs.untaken-check']): Promise<void> {
    await this.tellOpenRun.toCoordinators(payload);
  }
}
