import { Module } from '@nestjs/common';
import { DriverAvailabilityRepository, VehicleRepository } from '#application';
import { PersistenceModule } from '../persistence.module';
import { TypeOrmDriverAvailabilityRepository } from './driver-availability.repository';
import { TypeOrmVehicleRepository } from './vehicle.repository';

/** Binds the vehicles and drivers' availability ports to PostgreSQL. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: VehicleRepository, useClass: TypeOrmVehicleRepository },
    { provide: DriverAvailabilityRepository, useClass: TypeOrmDriverAvailabilityRepository },
  ],
  exports: [VehicleRepository, DriverAvailabilityRepository],
})
export class FleetPersistenceModule {}
