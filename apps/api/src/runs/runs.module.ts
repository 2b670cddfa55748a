import { Module } from '@nestjs/common';
import { AcceptRun, ClockModule, GetRunClaims, GetRuns, PlanRuns, RecordStopEvent, RunAccess, RunPlanner, WithdrawFromRun } from '#application';
import { EventsModule } from '#jobs';
import { AccountsPersistenceModule, ClaimsPersistenceModule, FleetPersistenceModule, PersistenceModule, RunsPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PickupRunFieldsResolver, PickupStopFieldsResolver } from './run-fields.resolver';
import { OpenRunOfferedResolver } from './open-run-offered.resolver';
import { RunLoaders } from './run.loaders';
import { RUN_SETTINGS_PROVIDER } from './run-settings.provider';
import { RunUpdatedResolver } from './run-updated.resolver';
import { RunsResolver, UnservedPickupFieldsResolver } from './runs.resolver';

/** Pickup runs: planRuns, acceptRun, withdrawFromRun, recordStopEvent, pickupRuns, myRuns, unservedPickups, runUpdated and openRunOffered. */
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
    WithdrawFromRun,
    RunAccess,
    GetRuns,
    GetRunClaims,
    RunLoaders,
    RunsResolver,
    UnservedPickupFieldsResolver,
    RunUpdatedResolver,
    OpenRunOfferedResolver,
    PickupRunFieldsResolver,
    PickupStopFieldsResolver,
  ],
})
export class RunsModule {}
