import { type DomainError, MemberRole, OrganizationKind } from '#domain';
import { FixedClock } from '../ports/clock.port';
import { Authorizer } from '../organizations/authorizer.service';
import { AddDriverAbsence } from './add-driver-absence.use-case';
import { AddVehicle } from './add-vehicle.use-case';
import { GetDriverAvailability } from './get-driver-availability.query';
import { InMemoryAvailabilities, InMemoryMemberships, InMemoryOrganizations, InMemoryVehicles } from './in-memory-fleet.fake';
import { RemoveDriverAbsence } from './remove-driver-absence.use-case';
import { SetDriverAvailability } from './set-driver-availability.use-case';
import { UpdateVehicle } from './update-vehicle.use-case';

const code = (expected: string, field?: string) => expect.objectContaining(field === undefined ? { code: expected } : { code: expected, field }) as DomainError;

describe('fleet use cases', () => {
  let organizations: InMemoryOrganizations;
  let memberships: InMemoryMemberships;
  let vehicles: InMemoryVehicles;
  let availabilities: InMemoryAvailabilities;
  let authorizer: Authorizer;
  const clock = new FixedClock(new Date('2026-11-24T09:00:00Z'));
  const staff = { userId: 'staff', platformAdmin: false, emailVerified: true };
  const driver = { userId: 'driver', platformAdmin: false, emailVerified: true };
  const otherDriver = { userId: 'other-driver', platformAdmin: false, emailVerified: true };
  const outsider = { userId: 'outsider', platformAdmin: false, emailVerified: true };
  const van = { name: 'Kangoo', capacityKg: 400, refrigerated: false, insulatedBoxes: 2, insulatedBoxMaxMinutes: 60 };

  beforeEach(() => {
    organizations = new InMemoryOrganizations();
    memberships = new InMemoryMemberships();
    vehicles = new InMemoryVehicles();
    availabilities = new InMemoryAvailabilities();
    authorizer = new Authorizer(memberships);
    organizations.put('epicerie', OrganizationKind.RECIPIENT);
    organizations.put('other', OrganizationKind.RECIPIENT);
    organizations.put('bakery', OrganizationKind.DONOR);
    memberships.put('epicerie', 'staff', MemberRole.STAFF);
    memberships.put('epicerie', 'driver', MemberRole.DRIVER);
    memberships.put('epicerie', 'other-driver', MemberRole.DRIVER);
    memberships.put('other', 'outsider', MemberRole.ADMIN);
  });

  describe('vehicles', () => {
    it('adds a vehicle to a recipient', async () => {
      const vehicle = await new AddVehicle(organizations, vehicles, clock).execute({ organizationId: 'epicerie', ...van });
      expect(vehicles.rows.get(vehicle.id)).toEqual(vehicle);
      expect(vehicle.spec.capacityKg).toBe(400);
      expect(vehicle.retiredAt).toBeNull();
    });

    it('refuses a vehicle to a donor, and a zero or negative payload, writing nothing', async () => {
      const add = new AddVehicle(organizations, vehicles, clock);
      await expect(add.execute({ organizationId: 'bakery', ...van })).rejects.toThrow(code('NOT_A_RECIPIENT', 'organizationId'));
      await expect(add.execute({ organizationId: 'epicerie', ...van, capacityKg: 0 })).rejects.toThrow(code('INVALID_VEHICLE_CAPACITY', 'capacityKg'));
      await expect(add.execute({ organizationId: 'epicerie', ...van, capacityKg: -3 })).rejects.toThrow(code('INVALID_VEHICLE_CAPACITY', 'capacityKg'));
      expect(vehicles.rows.size).toBe(0);
    });

    it('patches only the fields given, clears the time on board with null, and retires and restores', async () => {
      const vehicle = await new AddVehicle(organizations, vehicles, clock).execute({ organizationId: 'epicerie', ...van });
      const update = new UpdateVehicle(vehicles, authorizer, clock);
      const renamed = await update.execute({ actor: staff, vehicleId: vehicle.id, name: 'Kangoo bleu', insulatedBoxMaxMinutes: null });
      expect(renamed.spec.toInput()).toEqual({ ...van, name: 'Kangoo bleu', insulatedBoxMaxMinutes: null });
      const retired = await update.execute({ actor: staff, vehicleId: vehicle.id, retired: true });
      expect(retired.retiredAt).toEqual(clock.now());
      expect(retired.spec.name).toBe('Kangoo bleu');
      expect((await update.execute({ actor: staff, vehicleId: vehicle.id, retired: false })).retiredAt).toBeNull();
    });

    it('lets neither another organisation nor a driver change a vehicle, and leaves it as it was on bad input', async () => {
      const vehicle = await new AddVehicle(organizations, vehicles, clock).execute({ organizationId: 'epicerie', ...van });
      const update = new UpdateVehicle(vehicles, authorizer, clock);
      await expect(update.execute({ actor: outsider, vehicleId: vehicle.id, retired: true })).rejects.toThrow(code('FORBIDDEN'));
      await expect(update.execute({ actor: driver, vehicleId: vehicle.id, retired: true })).rejects.toThrow(code('FORBIDDEN'));
      await expect(update.execute({ actor: staff, vehicleId: vehicle.id, capacityKg: -1 })).rejects.toThrow(code('INVALID_VEHICLE_CAPACITY', 'capacityKg'));
      await expect(update.execute({ actor: staff, vehicleId: 'nope', retired: true })).rejects.toThrow(code('NOT_FOUND', 'id'));
      expect(vehicles.rows.get(vehicle.id)).toEqual(vehicle);
    });
  });

  describe('driver availability', () => {
    const weekly = [{ weekday: 2, intervals: [{ start: '14:00', end: '18:00' }] }];

    it('keeps the weekly hours a driver sets, and refuses an interval that ends before it starts, writing nothing', async () => {
      const set = new SetDriverAvailability(organizations, availabilities, clock);
      await set.execute({ organizationId: 'epicerie', driverUserId: 'driver', weekly });
      await expect(
        set.execute({ organizationId: 'epicerie', driverUserId: 'driver', weekly: [{ weekday: 3, intervals: [{ start: '18:00', end: '14:00' }] }] }),
      ).rejects.toThrow(code('OPENING_HOURS_END_BEFORE_START', 'weekly.0.intervals.0.end'));
      expect((await availabilities.weeklyOf('epicerie', 'driver'))?.weekly.toInput()).toEqual(weekly);
    });

    it('refuses an absence that ends before it starts, writing nothing', async () => {
      const add = new AddDriverAbsence(organizations, availabilities, clock);
      await expect(add.execute({ organizationId: 'epicerie', driverUserId: 'driver', from: '2026-12-10', to: '2026-12-09' })).rejects.toThrow(
        code('ABSENCE_END_BEFORE_START', 'to'),
      );
      expect(availabilities.absences.size).toBe(0);
    });

    it('lets coordinators read any driver, a driver only themselves, and shows only absences not yet over', async () => {
      const add = new AddDriverAbsence(organizations, availabilities, clock);
      await add.execute({ organizationId: 'epicerie', driverUserId: 'driver', from: '2026-11-01', to: '2026-11-23' });
      const current = await add.execute({ organizationId: 'epicerie', driverUserId: 'driver', from: '2026-11-24', to: '2026-11-30' });
      const get = new GetDriverAvailability(authorizer, memberships, availabilities, clock);
      const seen = await get.execute({ actor: staff, organizationId: 'epicerie', userId: 'driver' });
      expect(seen.absences).toEqual([current]);
      expect(seen.weekly.isNeverOpen()).toBe(true);
      expect(seen.weeklyUpdatedAt).toBeNull();
      await expect(get.execute({ actor: driver, organizationId: 'epicerie', userId: 'driver' })).resolves.toMatchObject({ userId: 'driver' });
      await expect(get.execute({ actor: otherDriver, organizationId: 'epicerie', userId: 'driver' })).rejects.toThrow(code('FORBIDDEN'));
      await expect(get.execute({ actor: outsider, organizationId: 'epicerie', userId: 'driver' })).rejects.toThrow(code('FORBIDDEN'));
      await expect(get.execute({ actor: staff, organizationId: 'epicerie', userId: 'staff' })).rejects.toThrow(code('NOT_A_DRIVER', 'userId'));
    });

    it('lets a driver remove only their own absence', async () => {
      const absence = await new AddDriverAbsence(organizations, availabilities, clock).execute({
        organizationId: 'epicerie',
        driverUserId: 'driver',
        from: '2026-12-01',
        to: '2026-12-02',
      });
      const remove = new RemoveDriverAbsence(availabilities, authorizer);
      await expect(remove.execute({ actor: otherDriver, absenceId: absence.id })).rejects.toThrow(code('NOT_FOUND', 'id'));
      await expect(remove.execute({ actor: staff, absenceId: absence.id })).rejects.toThrow(code('NOT_FOUND', 'id'));
      expect(availabilities.absences.has(absence.id)).toBe(true);
      await expect(remove.execute({ actor: driver, absenceId: absence.id })).resolves.toBe(true);
      expect(availabilities.absences.has(absence.id)).toBe(false);
    });
  });
});
