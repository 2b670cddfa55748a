import { Module } from '@nestjs/common';
import {
  AddDriverAbsence,
  AddVehicle,
  ClockModule,
  GetDriverAvailability,
  ListVehicles,
  RemoveDriverAbsence,
  SetDriverAvailability,
  UpdateVehicle,
} from '#application';
import { FleetPersistenceModule } from '#persistence';
import { OrganizationsModule } from '../organizations/organizations.module';
import { FleetResolver } from './fleet.resolver';

/** Vehicles and drivers' availability. The Authorizer and the organisation repositories come from OrganizationsModule. */
@Module({
  imports: [FleetPersistenceModule, OrganizationsModule, ClockModule],
  providers: [AddVehicle, UpdateVehicle, ListVehicles, SetDriverAvailability, AddDriverAbsence, RemoveDriverAbsence, GetDriverAvailability, FleetResolver],
})
export class FleetModule {}
