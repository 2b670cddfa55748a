import { Module, type DynamicModule } from '@nestjs/common';
import {
  AnswerHeartbeat,
  ClockModule,
  DispatchOutbox,
  ExpireDueOffers,
  OfferChangeNotifier,
  PlanPickup,
  PurgeExpiredSessions,
  PurgeIdempotencyKeys,
} from '#application';
import { APP_CONFIG, ConfigModule, loggerOptions, type AppConfig } from '#config';
import { JobsModule } from '#jobs';
import { AccountsPersistenceModule, ClaimsPersistenceModule, OffersPersistenceModule, PersistenceModule } from '#persistence';
import { LoggerModule } from 'nestjs-pino';
import { HeartbeatJobHandler } from './handlers/heartbeat.job-handler';
import { ExpireDueOffersJobHandler } from './handlers/expire-due-offers.job-handler';
import { PurgeExpiredSessionsJobHandler } from './handlers/purge-expired-sessions.job-handler';
import { OfferChangedNoticeJobHandler } from './handlers/offer-changed-notice.job-handler';
import { PlanPickupJobHandler } from './handlers/plan-pickup.job-handler';
import { PurgeIdempotencyKeysJobHandler } from './handlers/purge-idempotency-keys.job-handler';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { AccountsWorkerModule } from './accounts/accounts-worker.module';
import { RunsWorkerModule } from './runs/runs-worker.module';

const JOB_HANDLERS = [
  HeartbeatJobHandler,
  ExpireDueOffersJobHandler,
  PurgeExpiredSessionsJobHandler,
  OfferChangedNoticeJobHandler,
  PlanPickupJobHandler,
  PurgeIdempotencyKeysJobHandler,
];
const USE_CASES = [AnswerHeartbeat, DispatchOutbox, ExpireDueOffers, OfferChangeNotifier, PurgeExpiredSessions, PlanPickup, PurgeIdempotencyKeys];

/** The worker's composition root: it imports every module the job handlers need, none of them global. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggerOptions }),
        PersistenceModule,
        JobsModule.forWorker(),
        AccountsPersistenceModule,
        OffersPersistenceModule,
        ClaimsPersistenceModule,
        NotificationsWorkerModule,
        AccountsWorkerModule,
        RunsWorkerModule,
        ClockModule,
      ],
      providers: [...USE_CASES, ...JOB_HANDLERS, OutboxRelay],
    };
  }
}
