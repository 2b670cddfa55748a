export * from './fleet-persistence.module';
export * from './vehicle.entity';
export * from './driver-weekly-availability.entity';
export * from './driver-absence.entity';
export * from './vehicle.repository';
export * from './driver-availability.repository';
