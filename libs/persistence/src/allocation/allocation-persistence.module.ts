import { Module } from '@nestjs/common';
import { AllocationCandidateSource } from '#application';
import { SqlAllocationCandidateSource } from './allocation-candidate.repository';

/** Binds the allocation read port to PostgreSQL/PostGIS. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [{ provide: AllocationCandidateSource, useClass: SqlAllocationCandidateSource }],
  exports: [AllocationCandidateSource],
})
export class AllocationPersistenceModule {}
