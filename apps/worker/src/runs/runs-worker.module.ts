import { Module } from '@nestjs/common';
import { RunChangeNotifier } from '#application';
import { EventsModule } from '#jobs';
import { RunChangedNoticeJobHandler } from '../handlers/run-changed-notice.job-handler';

/** Pickup runs in the background: live notices of changed runs. */
@Module({
  imports: [EventsModule],
  providers: [RunChangeNotifier, RunChangedNoticeJobHandler],
})
export class RunsWorkerModule {}
