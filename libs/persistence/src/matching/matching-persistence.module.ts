import { Module } from '@nestjs/common';
import { MatchCandidateFinder } from '#application';
import { SqlMatchCandidateFinder } from './match-candidate.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the matching read port to PostgreSQL/PostGIS. */
@Module({
  imports: [PersistenceModule],
  providers: [{ provide: MatchCandidateFinder, useClass: SqlMatchCandidateFinder }],
  exports: [MatchCandidateFinder],
})
export class MatchingPersistenceModule {}
