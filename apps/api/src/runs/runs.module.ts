import { Module } from '@nestjs/common';
import { AcceptRun, ClockModule, GetRunClaims, GetRuns, PlanRuns, RecordStopEvent, RunAccess, RunPlanner } from '#application';
import { EventsModule } from '#jobs';
import { AccountsPersistenceModule, ClaimsPersistenceModule, FleetPersistenceModule, PersistenceModule, RunsPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PickupRunFieldsResolver, PickupStopFieldsResolver } from './run-fields.resolver';
import { RunLoaders } from './run.loaders';
import { RUN_SETTINGS_PROVIDER } from './run-settings.provider';
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
    RUN_SETTINGS_PROVIDER,
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
