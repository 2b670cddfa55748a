import { Module } from '@nestjs/common';
import { MatchCandidateFinder } from '#application';
import { SqlMatchCandidateFinder } from './match-candidate.repository';

/** Binds the matching read port to PostgreSQL/PostGIS. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [{ provide: MatchCandidateFinder, useClass: SqlMatchCandidateFinder }],
  exports: [MatchCandidateFinder],
})
export class MatchingPersistenceModule {}
