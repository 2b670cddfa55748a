export * from './run.repository';
export * from './day-plan.repository';
export * from './run-planning.source';
export * from './runs-persistence.module';
