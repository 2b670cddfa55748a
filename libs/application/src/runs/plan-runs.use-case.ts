import { Injectable } from '@nestjs/common';
import { DomainError, MAX_VEHICLE_CAPACITY_KG, MemberRole, OrganizationKind, parisDayOf, parseCalendarDay, roundKg, type CalendarDay } from '#domain';
import type { Actor } from '../auth/actor';
import { VehicleRepository } from '../fleet/vehicle-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { MembershipRepository } from '../organizations/membership-repository.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { RunPlanner, type DayPlanOutcome } from './run-planner.service';
import type { PlanningVehicle } from './run-planning.model';
import { RUN_COORDINATOR_ROLES } from './run-roles';

/** More than a food bank's whole fleet: a longer list is a mistake, and would only slow planning down. */
export const MAX_PLANNED_VEHICLES = 50;

export interface VehicleRequest {
  readonly capacityKg: number;
  readonly refrigerated: boolean;
  /** A DRIVER of the organisation put on this vehicle; only they are given its runs. */
  readonly driverId?: string | null;
}

export interface PlanRunsCommand {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  readonly day: string;
  /** Empty: the organisation's fleet (its vehicles not retired). */
  readonly vehicles: readonly VehicleRequest[];
}

/**
 * A recipient's coordinator plans a day's runs from its pickups (RunPlanner), with the vehicles
 * given or else its fleet. Planning the same day again re-plans it: runs already on the road stay,
 * the others are updated in place where their slot remains.
 */
@Injectable()
export class PlanRuns {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly fleet: VehicleRepository,
    private readonly planner: RunPlanner,
    private readonly clock: Clock,
  ) {}

  async execute(command: PlanRunsCommand): Promise<DayPlanOutcome> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    await this.authorizer.assertActsFor(actor, command.organizationId, RUN_COORDINATOR_ROLES);
    const organization = await this.organizations.findById(command.organizationId);
    if (organization === undefined) throw new DomainError('FORBIDDEN');
    if (organization.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
    const day = this.plannableDay(command.day);
    const vehicles = await this.vehicles(command);
    return this.planner.planDay({ organizationId: organization.id, day, vehicles, actorUserId: actor.userId });
  }

  private plannableDay(raw: string): CalendarDay {
    const day = parseCalendarDay(raw, 'day');
    const today = parisDayOf(this.clock.now());
    if (day < today) throw new DomainError('RUN_DAY_OVER', 'day', { day, today });
    return day;
  }

  private async vehicles(command: PlanRunsCommand): Promise<PlanningVehicle[]> {
    if (command.vehicles.length > MAX_PLANNED_VEHICLES) throw new DomainError('TOO_MANY_VEHICLES', 'vehicles', { max: MAX_PLANNED_VEHICLES });
    const given: PlanningVehicle[] = [];
    for (const [index, vehicle] of command.vehicles.entries()) {
      if (!Number.isFinite(vehicle.capacityKg) || vehicle.capacityKg <= 0 || vehicle.capacityKg > MAX_VEHICLE_CAPACITY_KG) {
        throw new DomainError('INVALID_VEHICLE_CAPACITY', `vehicles.${index}.capacityKg`, { max: MAX_VEHICLE_CAPACITY_KG });
      }
      const driverId = vehicle.driverId ?? null;
      if (driverId !== null && (await this.memberships.roleOf(driverId, command.organizationId)) !== MemberRole.DRIVER) {
        throw new DomainError('NOT_A_DRIVER', `vehicles.${index}.driverId`);
      }
      given.push({
        key: `input-${index}`,
        vehicleId: null,
        capacityKg: roundKg(vehicle.capacityKg),
        refrigerated: vehicle.refrigerated,
        insulatedBoxMaxMinutes: null,
        driverUserId: driverId?.toLowerCase() ?? null,
      });
    }
    if (given.length > 0) return given;
    const fleet = await this.fleet.listByOrganization(command.organizationId, { includeRetired: false });
    const active = fleet.filter((vehicle) => vehicle.retiredAt === null).slice(0, MAX_PLANNED_VEHICLES);
    if (active.length === 0) throw new DomainError('NO_VEHICLES', 'vehicles');
    return active.map((vehicle) => ({
      key: vehicle.id,
      vehicleId: vehicle.id,
      capacityKg: vehicle.spec.capacityKg,
      refrigerated: vehicle.spec.refrigerated,
      insulatedBoxMaxMinutes: vehicle.spec.insulatedBoxes > 0 ? vehicle.spec.insulatedBoxMaxMinutes : null,
      driverUserId: null,
    }));
  }
}
