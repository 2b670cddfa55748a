import { Module } from '@nestjs/common';
import { ClockModule, RequestHeartbeat } from '#application';
import { EventsModule, JobSchedulerModule } from '#jobs';
import { SystemResolver } from './system.resolver';

/** ping and the heartbeat round trip through the worker (a queued job out, a live event back). */
@Module({ imports: [JobSchedulerModule, EventsModule, ClockModule], providers: [SystemResolver, RequestHeartbeat] })
export class SystemModule {}
