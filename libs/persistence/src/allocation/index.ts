export * from './allocation-persistence.module';
export * from './allocation-candidate.repository';
export * from './allocation.sql';
