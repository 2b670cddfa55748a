import { Module } from '@nestjs/common';
import { AcceptRun, ClockModule, GetRunClaims, GetRuns, PlanRuns, RunAccess, RunPlanner } from '#application';
import { EventsModule } from '#jobs';
import { AccountsPersistenceModule, ClaimsPersistenceModule, FleetPersistenceModule, PersistenceModule, RunsPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PickupRunFieldsResolver, PickupStopFieldsResolver } from './run-fields.resolver';
import { RunLoaders } from './run.loaders';
import { RunUpdatedResolver } from './run-updated.resolver';
import { RunsResolver, UnservedPickupFieldsResolver } from './runs.resolver';

/** Pickup runs: planRuns, acceptRun, pickupRuns, myRuns, unservedPickups and runUpdated. */
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
    RunPlanner,
    PlanRuns,
    AcceptRun,
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
