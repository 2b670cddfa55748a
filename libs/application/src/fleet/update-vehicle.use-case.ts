import { Injectable } from '@nestjs/common';
import { DomainError, VehicleSpec } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { Authorizer } from '../organizations/authorizer.service';
import type { Vehicle } from './fleet.model';
import { FLEET_MANAGER_ROLES } from './fleet-roles';
import { VehicleRepository } from './vehicle-repository.port';

/** A patch: an absent field keeps its value; `insulatedBoxMaxMinutes: null` clears it. */
export interface UpdateVehicleCommand {
  readonly actor: Actor | undefined;
  readonly vehicleId: string;
  readonly name?: string;
  readonly capacityKg?: number;
  readonly refrigerated?: boolean;
  readonly insulatedBoxes?: number;
  readonly insulatedBoxMaxMinutes?: number | null;
  /** true retires the vehicle (it is no longer planned), false puts it back in service. */
  readonly retired?: boolean;
}

/** Changes a vehicle, or retires it. The vehicle names its organisation: membership is checked once it is loaded. */
@Injectable()
export class UpdateVehicle {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly authorizer: Authorizer,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateVehicleCommand): Promise<Vehicle> {
    if (command.actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const stored = await this.vehicles.findById(command.vehicleId);
    if (stored === undefined) throw new DomainError('NOT_FOUND', 'id');
    await this.authorizer.assertActsFor(command.actor, stored.organizationId, FLEET_MANAGER_ROLES);
    const current = stored.spec.toInput();
    const spec = VehicleSpec.parse({
      name: command.name ?? current.name,
      capacityKg: command.capacityKg ?? current.capacityKg,
      refrigerated: command.refrigerated ?? current.refrigerated,
      insulatedBoxes: command.insulatedBoxes ?? current.insulatedBoxes,
      insulatedBoxMaxMinutes: command.insulatedBoxMaxMinutes === undefined ? current.insulatedBoxMaxMinutes : command.insulatedBoxMaxMinutes,
    });
    const now = this.clock.now();
    const retiredAt = command.retired === undefined ? stored.retiredAt : command.retired ? (stored.retiredAt ?? now) : null;
    const updated: Vehicle = { ...stored, spec, retiredAt, updatedAt: now };
    await this.vehicles.update(updated);
    return updated;
  }
}
