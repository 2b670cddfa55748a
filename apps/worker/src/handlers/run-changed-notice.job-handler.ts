import { Injectable } from '@nestjs/common';
import { RunChangeNotifier, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Every saved change of a run becomes a live runUpdated notice, after commit. */
@Injectable()
@HandlesJob('runs.changed-notice')
export class RunChangedNoticeJobHandler implements JobHandler<'runs.changed-notice'> {
  constructor(private readonly notifier: RunChangeNotifier) {}

  async handle(payload: JobPayloads['runs.changed-notice']): Promise<void> {
    await this.notifier.runChanged(payload.runId);
  }
}
