import { Injectable } from '@nestjs/common';
import type { Vehicle } from './fleet.model';
import { VehicleRepository } from './vehicle-repository.port';

export interface ListVehiclesQuery {
  /** The API checks that the caller is a member of it before calling. */
  readonly organizationId: string;
  readonly includeRetired: boolean;
}

@Injectable()
export class ListVehicles {
  constructor(private readonly vehicles: VehicleRepository) {}

  execute(query: ListVehiclesQuery): Promise<Vehicle[]> {
    return this.vehicles.listByOrganization(query.organizationId, { includeRetired: query.includeRetired });
  }
}
