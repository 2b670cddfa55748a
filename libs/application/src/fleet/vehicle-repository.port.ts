import type { Vehicle } from './fleet.model';

/** A recipient keeps a handful of vehicles; the list is bounded all the same. */
export const MAX_LISTED_VEHICLES = 200;

export abstract class VehicleRepository {
  abstract add(vehicle: Vehicle): Promise<void>;
  /** Unknown or malformed ids are simply not found. */
  abstract findById(id: string): Promise<Vehicle | undefined>;
  /** Writes the spec, the retirement and updatedAt of an existing vehicle. */
  abstract update(vehicle: Vehicle): Promise<void>;
  /** Active vehicles first, then by name; at most MAX_LISTED_VEHICLES. */
  abstract listByOrganization(organizationId: string, options: { readonly includeRetired: boolean }): Promise<Vehicle[]>;
}
