import { Module, type DynamicModule } from '@nestjs/common';
import { AnswerHeartbeat, Clock, DispatchOutbox, SystemClock } from '#application';
import { APP_CONFIG, ConfigModule, loggerOptions, type AppConfig } from '#config';
import { JobsModule } from '#jobs';
import { PersistenceModule } from '#persistence';
import { LoggerModule } from 'nestjs-pino';
import { HeartbeatJobHandler } from './handlers/heartbeat.job-handler';
import { OutboxRelay } from './outbox/outbox-relay.service';

const JOB_HANDLERS = [HeartbeatJobHandler];
const USE_CASES = [AnswerHeartbeat, DispatchOutbox];

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
      ],
      providers: [{ provide: Clock, useClass: SystemClock }, ...USE_CASES, ...JOB_HANDLERS, OutboxRelay],
    };
  }
}
