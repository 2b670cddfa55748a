import { Module } from '@nestjs/common';
import { AllocationCandidateSource } from '#application';
import { SqlAllocationCandidateSource } from './allocation-candidate.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the allocation read port to PostgreSQL/PostGIS. */
@Module({
  imports: [PersistenceModule],
  providers: [{ provide: AllocationCandidateSource, useClass: SqlAllocationCandidateSource }],
  exports: [AllocationCandidateSource],
})
export class AllocationPersistenceModule {}
