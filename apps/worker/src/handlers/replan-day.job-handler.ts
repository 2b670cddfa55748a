import { Injectable } from '@nestjs/common';
import { ReplanDay, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('runs.replan')
export class ReplanDayJobHandler implements JobHandler<'runs.replan'> {
  constructor(private readonly replanDay: ReplanDay) {}

  async handle(payload: JobPayloads['runs.replan']): Promise<void> {
    await this.replanDay.execute(payload.organizationId, payload.day);
  }
}
