import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { VehicleSpec, type VehicleSpecInput } from '#domain';
import { Clock } from '../ports/clock.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import type { Vehicle } from './fleet.model';
import { assertRecipient } from './recipient-organization';
import { VehicleRepository } from './vehicle-repository.port';

export interface AddVehicleCommand extends VehicleSpecInput {
  /** The API checks that the caller is an ADMIN or STAFF of it before calling. */
  readonly organizationId: string;
}

@Injectable()
export class AddVehicle {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly vehicles: VehicleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddVehicleCommand): Promise<Vehicle> {
    const spec = VehicleSpec.parse(command);
    await assertRecipient(this.organizations, command.organizationId);
    const now = this.clock.now();
    const vehicle: Vehicle = { id: randomUUID(), organizationId: command.organizationId, spec, retiredAt: null, createdAt: now, updatedAt: now };
    await this.vehicles.add(vehicle);
    return vehicle;
  }
}
