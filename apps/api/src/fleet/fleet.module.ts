import { Module } from '@nestjs/common';
import { AddDriverAbsence, AddVehicle, GetDriverAvailability, ListVehicles, RemoveDriverAbsence, SetDriverAvailability, UpdateVehicle } from '#application';
import { FleetPersistenceModule } from '#persistence';
import { FleetResolver } from './fleet.resolver';

/** Vehicles and drivers' availability. The Authorizer and organisation repositories come from OrganizationsModule. */
@Module({
  imports: [FleetPersistenceModule],
  providers: [AddVehicle, UpdateVehicle, ListVehicles, SetDriverAvailability, AddDriverAbsence, RemoveDriverAbsence, GetDriverAvailability, FleetResolver],
})
export class FleetModule {}
