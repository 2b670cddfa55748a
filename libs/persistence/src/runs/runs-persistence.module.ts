import { Module } from '@nestjs/common';
import { DayPlanRepository, RunPlanningSource, RunRepository } from '#application';
import { PersistenceModule } from '../persistence.module';
import { TypeOrmDayPlanRepository } from './day-plan.repository';
import { TypeOrmRunRepository } from './run.repository';
import { SqlRunPlanningSource } from './run-planning.source';

/** Binds the runs ports to PostgreSQL. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: RunRepository, useClass: TypeOrmRunRepository },
    { provide: DayPlanRepository, useClass: TypeOrmDayPlanRepository },
    { provide: RunPlanningSource, useClass: SqlRunPlanningSource },
  ],
  exports: [RunRepository, DayPlanRepository, RunPlanningSource],
})
export class RunsPersistenceModule {}
