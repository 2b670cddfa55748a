import {
  AddDriverAbsence,
  AddVehicle,
  FixedClock,
  GetDriverCalendar,
  IssueCalendarFeed,
  SetDriverAvailability,
  UpdateVehicle,
  Authorizer,
  hashOpaqueToken,
  UnlimitedRateLimiter,
} from '#application';
import { DomainError, MemberRole, OpeningHours, VehicleSpec } from '#domain';
import {
  SqlDriverCalendarSource,
  TypeOrmCalendarFeedRepository,
  TypeOrmDriverAvailabilityRepository,
  TypeOrmMembershipRepository,
  TypeOrmOrganizationRepository,
  TypeOrmVehicleRepository,
} from '#persistence';
import { insertOrganization } from '../support/factories/matching.factory';
import { insertMembership, insertUser } from '../support/factories/people.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

describe('vehicles, drivers’ availability and calendar feeds against the real PostgreSQL', () => {
  let services: TestServices;
  let vehicles: TypeOrmVehicleRepository;
  let availabilities: TypeOrmDriverAvailabilityRepository;
  let feeds: TypeOrmCalendarFeedRepository;
  let memberships: TypeOrmMembershipRepository;
  let organizations: TypeOrmOrganizationRepository;
  const clock = new FixedClock(new Date('2026-11-24T09:00:00.123Z'));

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    vehicles = new TypeOrmVehicleRepository(ds);
    availabilities = new TypeOrmDriverAvailabilityRepository(ds);
    feeds = new TypeOrmCalendarFeedRepository(ds);
    memberships = new TypeOrmMembershipRepository(ds);
    organizations = new TypeOrmOrganizationRepository(ds);
  });

  afterAll(async () => {
    await services?.release();
  });

  async function count(table: string, organizationId: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`, [organizationId]);
    return Number(rows[0]?.n);
  }

  async function aDriver(organizationId: string): Promise<string> {
    const userId = await insertUser(services.dataSource, 'driver');
    await insertMembership(services.dataSource, organizationId, userId, MemberRole.DRIVER);
    return userId;
  }

  describe('vehicles', () => {
    it('round-trips a vehicle, payload to the gram, and lists active ones first, by name', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const add = new AddVehicle(organizations, vehicles, clock);
      const van = await add.execute({
        organizationId,
        name: 'Utilitaire frigo',
        capacityKg: 812.125,
        refrigerated: true,
        insulatedBoxes: 6,
        insulatedBoxMaxMinutes: 120,
      });
      const car = await add.execute({ organizationId, name: 'Berlingo', capacityKg: 300, refrigerated: false, insulatedBoxes: 0 });
      const old = await add.execute({ organizationId, name: 'Ancien camion', capacityKg: 1500, refrigerated: false, insulatedBoxes: 0 });
      const admin = await insertUser(services.dataSource, 'admin');
      await insertMembership(services.dataSource, organizationId, admin, MemberRole.ADMIN);
      await new UpdateVehicle(vehicles, new Authorizer(memberships), clock).execute({
        actor: { userId: admin, platformAdmin: false, emailVerified: true },
        vehicleId: old.id,
        retired: true,
      });

      expect(await vehicles.findById(van.id)).toEqual(van);
      expect((await vehicles.listByOrganization(organizationId, { includeRetired: false })).map((vehicle) => vehicle.spec.name)).toEqual([
        'Berlingo',
        'Utilitaire frigo',
      ]);
      const all = await vehicles.listByOrganization(organizationId, { includeRetired: true });
      expect(all.map((vehicle) => vehicle.id)).toEqual([car.id, van.id, old.id]);
      expect(all[2]?.retiredAt).toEqual(clock.now());
      expect(await vehicles.findById('not-a-uuid')).toBeUndefined();
    });

    it('writes nothing for a zero payload or a donor, and the table itself refuses a zero payload', async () => {
      const recipient = await insertOrganization(services.dataSource, 'RECIPIENT');
      const donor = await insertOrganization(services.dataSource, 'DONOR');
      const add = new AddVehicle(organizations, vehicles, clock);
      const spec = { name: 'Clio', capacityKg: 0, refrigerated: false, insulatedBoxes: 0 };
      await expect(add.execute({ organizationId: recipient, ...spec })).rejects.toThrow(
        expect.objectContaining({ code: 'INVALID_VEHICLE_CAPACITY' }) as DomainError,
      );
      await expect(add.execute({ organizationId: donor, ...spec, capacityKg: 100 })).rejects.toThrow(
        expect.objectContaining({ code: 'NOT_A_RECIPIENT' }) as DomainError,
      );
      expect(await count('vehicles', recipient)).toBe(0);
      expect(await count('vehicles', donor)).toBe(0);

      const valid = VehicleSpec.parse({ ...spec, capacityKg: 10 });
      const row = {
        id: '00000000-0000-4000-8000-000000000001',
        organizationId: recipient,
        spec: valid,
        retiredAt: null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      };
      await vehicles.add(row);
      await expect(services.dataSource.query('UPDATE vehicles SET capacity_kg = 0 WHERE id = $1', [row.id])).rejects.toThrow(/vehicles_capacity_check/);
    });
  });

  describe('drivers’ availability', () => {
    it('replaces the weekly hours, and keeps absences that have not ended, soonest first', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const driver = await aDriver(organizationId);
      const set = new SetDriverAvailability(organizations, availabilities, clock);
      await set.execute({ organizationId, driverUserId: driver, weekly: [{ weekday: 1, intervals: [{ start: '08:00', end: '12:00' }] }] });
      const weekly = [
        {
          weekday: 3,
          intervals: [
            { start: '09:00', end: '12:00' },
            { start: '14:00', end: '17:30' },
          ],
        },
      ];
      await set.execute({ organizationId, driverUserId: driver, weekly });
      const stored = await availabilities.weeklyOf(organizationId, driver);
      expect(stored?.weekly.toInput()).toEqual(weekly);
      expect(stored?.updatedAt).toEqual(clock.now());

      const add = new AddDriverAbsence(organizations, availabilities, clock);
      const later = await add.execute({ organizationId, driverUserId: driver, from: '2026-12-20', to: '2027-01-03' });
      await add.execute({ organizationId, driverUserId: driver, from: '2026-11-01', to: '2026-11-23' });
      const today = await add.execute({ organizationId, driverUserId: driver, from: '2026-11-24', to: '2026-11-24' });
      expect(await availabilities.upcomingAbsences(organizationId, driver, '2026-11-24')).toEqual([today, later]);
      expect(await availabilities.findAbsence(later.id)).toEqual(later);
      expect(await availabilities.removeAbsence(later.id)).toBe(true);
      expect(await availabilities.removeAbsence(later.id)).toBe(false);
    });

    it('writes nothing for an interval or an absence that ends before it starts', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const driver = await aDriver(organizationId);
      await expect(
        new SetDriverAvailability(organizations, availabilities, clock).execute({
          organizationId,
          driverUserId: driver,
          weekly: [{ weekday: 2, intervals: [{ start: '12:00', end: '08:00' }] }],
        }),
      ).rejects.toThrow(expect.objectContaining({ code: 'OPENING_HOURS_END_BEFORE_START' }) as DomainError);
      await expect(
        new AddDriverAbsence(organizations, availabilities, clock).execute({ organizationId, driverUserId: driver, from: '2026-12-02', to: '2026-12-01' }),
      ).rejects.toThrow(expect.objectContaining({ code: 'ABSENCE_END_BEFORE_START', field: 'to' }) as DomainError);
      expect(await count('driver_weekly_availabilities', organizationId)).toBe(0);
      expect(await count('driver_absences', organizationId)).toBe(0);
    });

    it('goes with the membership: a driver who leaves takes their availability and absences along', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const driver = await aDriver(organizationId);
      await availabilities.saveWeekly(organizationId, driver, OpeningHours.everyDay([{ start: '08:00', end: '20:00' }]), clock.now());
      await new AddDriverAbsence(organizations, availabilities, clock).execute({ organizationId, driverUserId: driver, from: '2026-12-01', to: '2026-12-01' });
      await services.dataSource.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [organizationId, driver]);
      expect(await count('driver_weekly_availabilities', organizationId)).toBe(0);
      expect(await count('driver_absences', organizationId)).toBe(0);
    });
  });

  describe('calendar feeds', () => {
    it('keeps one secret per person: issuing again, even twice at once, leaves exactly one working', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const driver = await aDriver(organizationId);
      const issue = new IssueCalendarFeed(memberships, feeds, clock);
      const calendar = new GetDriverCalendar(feeds, new SqlDriverCalendarSource(services.dataSource), clock, new UnlimitedRateLimiter());
      const first = await issue.execute({ userId: driver, platformAdmin: false, emailVerified: true });
      const [second, third] = await Promise.all([
        issue.execute({ userId: driver, platformAdmin: false, emailVerified: true }),
        issue.execute({ userId: driver, platformAdmin: false, emailVerified: true }),
      ]);
      const resolved = await Promise.all(
        [first, second, third].map(({ token }) =>
          calendar.execute({ token, clientAddress: undefined }).then(
            (found) => found.userId,
            (error: unknown) => (error instanceof DomainError ? error.code : 'unexpected'),
          ),
        ),
      );
      expect(resolved[0]).toBe('NOT_FOUND');
      // Both concurrent issues succeeded; the later write won and the other secret is dead.
      expect(resolved.slice(1).sort()).toEqual(['NOT_FOUND', driver].sort());
      const rows: Array<{ token_hash: string }> = await services.dataSource.query('SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [driver]);
      expect(rows).toHaveLength(1);
      expect([hashOpaqueToken(second.token), hashOpaqueToken(third.token)]).toContain(rows[0]?.token_hash);
    });

    it('revokes: the secret stops resolving', async () => {
      const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
      const driver = await aDriver(organizationId);
      const { token } = await new IssueCalendarFeed(memberships, feeds, clock).execute({ userId: driver, platformAdmin: false, emailVerified: true });
      expect(await feeds.userIdForTokenHash(hashOpaqueToken(token))).toBe(driver);
      expect(await feeds.revoke(driver)).toBe(true);
      expect(await feeds.userIdForTokenHash(hashOpaqueToken(token))).toBeUndefined();
      expect(await feeds.revoke(driver)).toBe(false);
    });
  });
});
