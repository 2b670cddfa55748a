import { Module } from '@nestjs/common';
import { AcceptRun, ClockModule, GetRunClaims, GetRuns, PlanRuns, RecordStopEvent, RunAccess, RunPlanner, RunSettings } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { EventsModule } from '#jobs';
import { AccountsPersistenceModule, ClaimsPersistenceModule, FleetPersistenceModule, PersistenceModule, RunsPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PickupRunFieldsResolver, PickupStopFieldsResolver } from './run-fields.resolver';
import { RunLoaders } from './run.loaders';
import { RunUpdatedResolver } from './run-updated.resolver';
import { RunsResolver, UnservedPickupFieldsResolver } from './runs.resolver';

/** Pickup runs: planRuns, acceptRun, recordStopEvent, pickupRuns, myRuns, unservedPickups and runUpdated. */
@Module({
  imports: [
    RunsPersistenceModule,
    ClaimsPersistenceModule,
    FleetPersistenceModule,
    AccountsPersistenceModule,
    PersistenceModule,
    OrganizationsModule,
    OffersModule,
    EventsModule,
    ClockModule,
  ],
  providers: [
    { provide: RunSettings, inject: [APP_CONFIG], useFactory: (config: AppConfig): RunSettings => ({ kgTolerancePercent: config.runs.kgTolerancePercent }) },
    RunPlanner,
    PlanRuns,
    AcceptRun,
    RecordStopEvent,
    RunAccess,
    GetRuns,
    GetRunClaims,
    RunLoaders,
    RunsResolver,
    UnservedPickupFieldsResolver,
    RunUpdatedResolver,
    PickupRunFieldsResolver,
    PickupStopFieldsResolver,
  ],
})
export class RunsModule {}
