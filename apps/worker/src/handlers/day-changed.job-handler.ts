import { Injectable } from '@nestjs/common';
import { RequestDayReplan, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** A claim made or cancelled: its planned day gets a (debounced) re-plan. */
@Injectable()
@HandlesJob('runs.day-changed')
export class DayChangedJobHandler implements JobHandler<'runs.day-changed'> {
  constructor(private readonly requestDayReplan: RequestDayReplan) {}

  async handle(payload: JobPayloads['runs.day-changed']): Promise<void> {
    await this.requestDayReplan.execute(payload.claimId);
  }
}
