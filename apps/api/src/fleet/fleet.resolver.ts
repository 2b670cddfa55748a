import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddDriverAbsence,
  AddVehicle,
  DRIVER_ROLES,
  FLEET_MANAGER_ROLES,
  GetDriverAvailability,
  ListVehicles,
  MAX_LISTED_VEHICLES,
  RemoveDriverAbsence,
  SetDriverAvailability,
  UpdateVehicle,
} from '#application';
import { currentActor } from '../accounts/current-actor';
import { CheckedByUseCase, MemberOf } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AddDriverAbsenceInput, SetDriverAvailabilityInput } from './driver-availability.input';
import { DriverAbsenceType, DriverAvailabilityType } from './driver-availability.type';
import { presentAbsence, presentDriverAvailability, presentVehicle } from './fleet.presenter';
import { AddVehicleInput, UpdateVehicleInput } from './vehicle.input';
import { VehicleType } from './vehicle.type';

/** A recipient's vehicles (managed by its ADMIN and STAFF) and its drivers' availability (each driver their own). */
@Resolver()
export class FleetResolver {
  constructor(
    private readonly addVehicleUseCase: AddVehicle,
    private readonly updateVehicleUseCase: UpdateVehicle,
    private readonly listVehicles: ListVehicles,
    private readonly setDriverAvailabilityUseCase: SetDriverAvailability,
    private readonly addDriverAbsenceUseCase: AddDriverAbsence,
    private readonly removeDriverAbsenceUseCase: RemoveDriverAbsence,
    private readonly getDriverAvailability: GetDriverAvailability,
  ) {}

  @MemberOf([...FLEET_MANAGER_ROLES, ...DRIVER_ROLES], 'organizationId')
  @Query(() => [VehicleType], { description: `Members: the organisation's vehicles, active ones first, by name (at most ${MAX_LISTED_VEHICLES}).` })
  async vehicles(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('includeRetired', { type: () => Boolean, defaultValue: false }) includeRetired: boolean,
  ): Promise<VehicleType[]> {
    return (await this.listVehicles.execute({ organizationId, includeRetired })).map(presentVehicle);
  }

  @MemberOf(FLEET_MANAGER_ROLES, 'input.organizationId')
  @Mutation(() => VehicleType, { description: 'Recipient admins and staff: adds a vehicle. Donors have none (NOT_A_RECIPIENT).' })
  async addVehicle(@Args('input') input: AddVehicleInput): Promise<VehicleType> {
    const vehicle = await this.addVehicleUseCase.execute({
      organizationId: input.organizationId,
      name: input.name,
      capacityKg: input.capacityKg,
      refrigerated: input.refrigerated,
      insulatedBoxes: input.insulatedBoxes,
      insulatedBoxMaxMinutes: input.insulatedBoxMaxMinutes,
    });
    return presentVehicle(vehicle);
  }

  @CheckedByUseCase('the vehicle names its organisation: UpdateVehicle checks ADMIN or STAFF of it once loaded')
  @Mutation(() => VehicleType, { description: "The vehicle's organisation admins and staff: changes or retires a vehicle." })
  async updateVehicle(@Args('input') input: UpdateVehicleInput, @Context() context: GraphQLContext): Promise<VehicleType> {
    const vehicle = await this.updateVehicleUseCase.execute({
      actor: currentActor(context),
      vehicleId: input.id,
      name: input.name ?? undefined,
      capacityKg: input.capacityKg ?? undefined,
      refrigerated: input.refrigerated ?? undefined,
      insulatedBoxes: input.insulatedBoxes ?? undefined,
      // Absent keeps the value, an explicit null clears it.
      insulatedBoxMaxMinutes: input.insulatedBoxMaxMinutes,
      retired: input.retired ?? undefined,
    });
    return presentVehicle(vehicle);
  }

  @MemberOf([...FLEET_MANAGER_ROLES, ...DRIVER_ROLES], 'organizationId')
  @Query(() => DriverAvailabilityType, { description: "The organisation's admins and staff read any of its drivers; a driver reads only their own." })
  async driverAvailability(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Context() context: GraphQLContext,
  ): Promise<DriverAvailabilityType> {
    return presentDriverAvailability(await this.getDriverAvailability.execute({ actor: currentActor(context), organizationId, userId }));
  }

  @MemberOf(DRIVER_ROLES, 'input.organizationId')
  @Mutation(() => DriverAvailabilityType, { description: "Drivers: sets the caller's own weekly hours for the organisation." })
  async setDriverAvailability(@Args('input') input: SetDriverAvailabilityInput, @Context() context: GraphQLContext): Promise<DriverAvailabilityType> {
    const actor = currentActor(context);
    await this.setDriverAvailabilityUseCase.execute({ organizationId: input.organizationId, driverUserId: actor.userId, weekly: input.weekly });
    return presentDriverAvailability(await this.getDriverAvailability.execute({ actor, organizationId: input.organizationId, userId: actor.userId }));
  }

  @MemberOf(DRIVER_ROLES, 'input.organizationId')
  @Mutation(() => DriverAbsenceType, { description: 'Drivers: declares days the caller is away.' })
  async addDriverAbsence(@Args('input') input: AddDriverAbsenceInput, @Context() context: GraphQLContext): Promise<DriverAbsenceType> {
    const absence = await this.addDriverAbsenceUseCase.execute({
      organizationId: input.organizationId,
      driverUserId: currentActor(context).userId,
      from: input.from,
      to: input.to,
    });
    return presentAbsence(absence);
  }

  @CheckedByUseCase('an absence names its driver: RemoveDriverAbsence lets only that driver remove it; others get NOT_FOUND')
  @Mutation(() => Boolean, { description: "Drivers: takes back one of the caller's own absences." })
  async removeDriverAbsence(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<boolean> {
    return this.removeDriverAbsenceUseCase.execute({ actor: currentActor(context), absenceId: id });
  }
}
