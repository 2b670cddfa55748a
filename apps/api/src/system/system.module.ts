import { Module } from '@nestjs/common';
import { ClockModule, RequestHeartbeat } from '#application';
import { EventsModule, JobSchedulerModule } from '#jobs';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SystemResolver } from './system.resolver';

/** ping and the heartbeat round trip through the worker (a queued job out, a live event back). */
@Module({ imports: [JobSchedulerModule, EventsModule, ClockModule, OrganizationsModule], providers: [SystemResolver, RequestHeartbeat] })
export class SystemModule {}
