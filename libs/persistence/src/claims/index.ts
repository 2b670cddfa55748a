export * from './claim.repository';
export * from './pickup.repository';
export * from './claims-persistence.module';
