import { Injectable } from '@nestjs/common';
import { PurgeExpiredSessions } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Every six hours (RECURRING_JOBS); deleting what is already gone is a no-op, so repeats are harmless. */
@Injectable()
@HandlesJob('accounts.purge-expired-sessions')
export class PurgeExpiredSessionsJobHandler implements JobHandler<'accounts.purge-expired-sessions'> {
  constructor(private readonly purgeExpiredSessions: PurgeExpiredSessions) {}

  async handle(): Promise<void> {
    await this.purgeExpiredSessions.execute();
  }
}
