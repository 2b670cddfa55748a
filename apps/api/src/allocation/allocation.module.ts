import { Module } from '@nestjs/common';
import { ProposeAllocation } from '#application';
import { AllocationPersistenceModule } from '#persistence';
import { AllocationResolver } from './allocation.resolver';
import { ProposedClaimFieldsResolver } from './proposed-claim-fields.resolver';

/**
 * Batch allocation for coordinators (issue 4, point 6). Uses the global organisations module
 * (Authorizer, loaders) and offers module (loaders).
 */
@Module({
  imports: [AllocationPersistenceModule],
  providers: [ProposeAllocation, AllocationResolver, ProposedClaimFieldsResolver],
})
export class AllocationModule {}
