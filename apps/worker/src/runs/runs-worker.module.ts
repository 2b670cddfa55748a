import { Module } from '@nestjs/common';
import { ClockModule, ReplanDay, RequestDayReplan, RunChangeNotifier, RunPlanner } from '#application';
import { EventsModule, JobSchedulerModule } from '#jobs';
import { ClaimsPersistenceModule, PersistenceModule, RunsPersistenceModule } from '#persistence';
import { DayChangedJobHandler } from '../handlers/day-changed.job-handler';
import { ReplanDayJobHandler } from '../handlers/replan-day.job-handler';
import { RunChangedNoticeJobHandler } from '../handlers/run-changed-notice.job-handler';
import { RUN_SETTINGS_PROVIDER } from './run-settings.provider';

/** Pickup runs in the background: live notices of changed runs, and re-plans of planned days when their claims change. */
@Module({
  imports: [EventsModule, JobSchedulerModule, PersistenceModule, RunsPersistenceModule, ClaimsPersistenceModule, ClockModule],
  providers: [
    RUN_SETTINGS_PROVIDER,
    RunPlanner,
    RequestDayReplan,
    ReplanDay,
    RunChangeNotifier,
    RunChangedNoticeJobHandler,
    DayChangedJobHandler,
    ReplanDayJobHandler,
  ],
})
export class RunsWorkerModule {}
