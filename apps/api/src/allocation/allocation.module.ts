import { Module } from '@nestjs/common';
import { ClockModule, ProposeAllocation } from '#application';
import { AllocationPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AllocationResolver } from './allocation.resolver';
import { ProposedClaimFieldsResolver } from './proposed-claim-fields.resolver';

/** Batch allocation proposals for coordinators: who should take which published offer. */
@Module({
  imports: [AllocationPersistenceModule, OrganizationsModule, OffersModule, ClockModule],
  providers: [ProposeAllocation, AllocationResolver, ProposedClaimFieldsResolver],
})
export class AllocationModule {}
