import { randomUUID } from 'node:crypto';
import { FixedClock, type ClaimOffer, type DayPlanOutcome } from '#application';
import { DomainError, haversineKm, StopKind, type Run } from '#domain';
import { TRAVEL_CONFIG, verifyPlan, type GeoLocation } from '#routing';
import { TypeOrmVehicleRepository } from '#persistence';
import { VehicleSpec } from '#domain';
import { claimUseCases } from '../support/factories/claims.factory';
import { insertOffer, type ItemSpec } from '../support/factories/matching.factory';
import { insertMember } from '../support/factories/people.factory';
import { insertDriver, insertRunDonor, insertRunRecipient, runUseCases, type RunRecipient } from '../support/factories/runs.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';
import { MemberRole } from '#domain';

// Tuesday 11 March 2031 in Bordeaux (Paris time is UTC+1 then); it is 07:00 there.
const DAY = '2031-03-11';
const NOW = new Date('2031-03-11T06:00:00Z');
const paris = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+01:00`);
const BORDEAUX = { latitude: 44.8378, longitude: -0.5792 };
const actor = (userId: string) => ({ userId, platformAdmin: false, emailVerified: true });

/** The problem's own travel, computed here from its definition (great circle × detour at the average speed), not by the solver. */
const travel = (from: GeoLocation, to: GeoLocation) => {
  const distance = haversineKm(from, to) * TRAVEL_CONFIG.detourFactor;
  return { distance, time: (distance / TRAVEL_CONFIG.averageSpeedKmh) * 60 };
};

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/**
 * Planning a recipient's day on the real PostgreSQL/PostGIS: claims made by the real use case from
 * several donors become pickups, pickups become runs, and every plan the solver made is checked by
 * libs/routing's independent verifier against the problem it was given.
 */
describe('run planning on the real database', () => {
  let services: TestServices;
  let clock: FixedClock;
  let claimOffer: ClaimOffer;
  let uses: ReturnType<typeof runUseCases>;
  let recipient: RunRecipient;
  let drivers: { ana: string; ben: string };

  const ds = () => services.dataSource;

  async function claimFrom(name: string, location: GeoLocation, window: [string, string], items: ItemSpec[]): Promise<string> {
    const donor = await insertRunDonor(ds(), name, location);
    const { offerId } = await insertOffer(ds(), {
      donorOrganizationId: donor.organizationId,
      siteId: donor.siteId,
      ...location,
      pickupFrom: paris(window[0]),
      pickupUntil: paris(window[1]),
      items,
    });
    const claim = await claimOffer.execute({
      actor: actor(recipient.adminId),
      offerId,
      organizationId: recipient.organizationId,
      lines: null,
      idempotencyKey: `plan-${randomUUID()}`,
    });
    return claim.id;
  }

  const vans = [
    { capacityKg: 400, refrigerated: true },
    { capacityKg: 300, refrigerated: false },
  ];
  const plan = (vehicles: ReadonlyArray<{ capacityKg: number; refrigerated: boolean; driverId?: string | null }> = vans, day = DAY) =>
    uses.planRuns.execute({ actor: actor(recipient.adminId), organizationId: recipient.organizationId, day, vehicles });

  function expectFeasible(outcome: DayPlanOutcome): void {
    expect(outcome.solved.length).toBeGreaterThan(0);
    for (const solved of outcome.solved) expect(verifyPlan(solved.problem, solved.plan, travel)).toEqual([]);
  }

  /** Every claim in exactly one run (collected, then delivered on the same run) or left out. */
  function placement(outcome: DayPlanOutcome): Map<string, string> {
    const where = new Map<string, string>();
    for (const run of outcome.runs) {
      for (const stop of run.stops) {
        if (stop.kind === StopKind.COLLECT) {
          expect(where.has(stop.claimId)).toBe(false);
          where.set(stop.claimId, run.id);
        }
      }
      const collects = run.stops.filter((stop) => stop.kind === StopKind.COLLECT).map((stop) => stop.claimId);
      const delivers = run.stops.filter((stop) => stop.kind === StopKind.DELIVER).map((stop) => stop.claimId);
      expect(delivers).toEqual(collects);
      expect(run.stops.findIndex((stop) => stop.kind === StopKind.DELIVER)).toBe(collects.length);
    }
    for (const left of outcome.unserved) {
      expect(where.has(left.claimId)).toBe(false);
      where.set(left.claimId, `unserved:${left.reason}`);
    }
    return where;
  }

  beforeAll(async () => {
    services = await provideTestServices();
    clock = new FixedClock(NOW);
    ({ claimOffer } = claimUseCases(ds(), clock));
    uses = runUseCases(ds(), clock);
    recipient = await insertRunRecipient(ds(), BORDEAUX);
    drivers = {
      ana: await insertDriver(ds(), recipient.organizationId, { start: '07:00', end: '20:00' }),
      ben: await insertDriver(ds(), recipient.organizationId, { start: '07:00', end: '20:00' }, [{ from: '2031-03-10', to: '2031-03-12' }]),
    };
  }, 60_000);

  afterAll(async () => {
    await services?.release();
  });

  it('plans a day of claims from several donors into feasible runs, leaves out what no vehicle can take, and staffs runs with available drivers', async () => {
    const claims = {
      merignac: await claimFrom('Hyper Mérignac', { latitude: 44.8386, longitude: -0.6811 }, ['09:00', '12:00'], [{ category: 'FOOD.DRY', kg: 120 }]),
      begles: await claimFrom(
        'Boulangerie Bègles',
        { latitude: 44.8086, longitude: -0.5478 },
        ['09:30', '11:30'],
        [
          { category: 'FOOD.BAKERY', kg: 80 },
          { category: 'FOOD.DAIRY', kg: 20, temperature: 'CHILLED' },
        ],
      ),
      pessac: await claimFrom('Traiteur Pessac', { latitude: 44.8067, longitude: -0.6311 }, ['10:00', '13:00'], [{ category: 'FOOD.DRY', kg: 60 }]),
      lormont: await claimFrom('Primeur Lormont', { latitude: 44.8792, longitude: -0.5217 }, ['14:00', '16:00'], [{ category: 'FOOD.FRUIT_VEG', kg: 150 }]),
      talence: await claimFrom(
        'Surgelés Talence',
        { latitude: 44.8025, longitude: -0.5881 },
        ['09:00', '17:00'],
        [{ category: 'FOOD.FROZEN', kg: 30, temperature: 'FROZEN' }],
      ),
      wholesaler: await claimFrom('Grossiste Bruges', { latitude: 44.8833, longitude: -0.6111 }, ['08:00', '12:00'], [{ category: 'FOOD.DRY', kg: 900 }]),
    };

    const outcome = await plan();
    expectFeasible(outcome);
    const where = placement(outcome);
    expect(where.get(claims.wholesaler)).toBe('unserved:DEMAND_EXCEEDS_CAPACITY');
    for (const claimId of [claims.merignac, claims.begles, claims.pessac, claims.lormont, claims.talence]) expect(where.get(claimId)).not.toMatch(/^unserved/);
    // Chilled and frozen goods ride only in the refrigerated van (the other has no insulated box).
    for (const run of outcome.runs) {
      const cold = run.stops.some((stop) => stop.kgByTemperature.CHILLED > 0 || stop.kgByTemperature.FROZEN > 0);
      if (cold) expect(run.vehicle.refrigerated).toBe(true);
    }

    // Persisted as returned: what coordinators read is what was planned.
    const read = await uses.getRuns.ofOrganizationDay(actor(recipient.adminId), recipient.organizationId, DAY);
    expect(read.map((view) => [view.run.id, view.run.stops.map((stop) => [stop.kind, stop.claimId, stop.plannedArrival.getTime()])])).toEqual(
      outcome.runs.map((run) => [run.id, run.stops.map((stop) => [stop.kind, stop.claimId, stop.plannedArrival.getTime()])]),
    );
    expect(await uses.getRuns.unserved(actor(recipient.adminId), recipient.organizationId, DAY)).toEqual([
      expect.objectContaining({ claimId: claims.wholesaler, reason: 'DEMAND_EXCEEDS_CAPACITY' }),
    ]);
    expect(await ds().query("SELECT payload FROM outbox_jobs WHERE name = 'notifications.unserved-pickups-email'")).toEqual([
      { payload: { organizationId: recipient.organizationId, day: DAY } },
    ]);

    // Drivers: never the absent one, never two runs at once; a run nobody can take stays open.
    const assigned = outcome.runs.filter((run) => run.driverUserId !== null);
    expect(assigned.length).toBeGreaterThan(0);
    for (const run of outcome.runs) expect(run.status).toBe(run.driverUserId === null ? 'PLANNED' : 'ASSIGNED');
    expect(assigned.every((run) => run.driverUserId === drivers.ana)).toBe(true);
    const anas = assigned.map((run) => [run.plannedStart.getTime(), run.plannedEnd.getTime()] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < anas.length; i += 1) expect(anas[i]?.[0]).toBeGreaterThanOrEqual(anas[i - 1]?.[1] ?? 0);
  });

  it('re-plans the day in place: a run keeps its id and its driver, a new claim finds a run, a run on the road is left alone', async () => {
    const before = await plan();
    expect(before.runs.length).toBeGreaterThanOrEqual(2);
    const kept = before.runs.find((run) => run.driverUserId === drivers.ana) as Run;
    const onTheRoad = before.runs.find((run) => run.id !== kept.id) as Run;
    // A run already on the road (its first stop event): the re-plan must not touch it.
    await ds().query("UPDATE runs SET status = 'IN_PROGRESS', driver_user_id = coalesce(driver_user_id, $2) WHERE id = $1", [onTheRoad.id, drivers.ben]);
    const late = await claimFrom('Supérette Cenon', { latitude: 44.8572, longitude: -0.5319 }, ['10:00', '15:00'], [{ category: 'FOOD.DRY', kg: 25 }]);

    const after = await plan();
    expectFeasible(after);
    const where = placement(after);
    expect(where.get(late)).not.toMatch(/^unserved/);
    const again = after.runs.find((run) => run.id === kept.id);
    expect(again?.driverUserId).toBe(drivers.ana);
    const untouched = after.runs.find((run) => run.id === onTheRoad.id);
    expect(untouched?.status).toBe('IN_PROGRESS');
    expect(untouched?.stops.map((stop) => stop.id)).toEqual(onTheRoad.stops.map((stop) => stop.id));
    // Every run of the day is either re-planned, new, on the road, or cancelled: never two re-plannable runs in one slot.
    const slots = await ds().query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM runs WHERE organization_id = $1 AND day = $2 AND status IN ('PLANNED', 'ASSIGNED') GROUP BY slot HAVING count(*) > 1",
      [recipient.organizationId, DAY],
    );
    expect(slots).toEqual([]);
  });

  it('plans with the fleet when no vehicle is given, and refuses bad input with a coded error and the field, writing nothing', async () => {
    const fleet = new TypeOrmVehicleRepository(ds());
    await fleet.add({
      id: randomUUID(),
      organizationId: recipient.organizationId,
      spec: VehicleSpec.parse({ name: 'Master frigo', capacityKg: 800, refrigerated: true, insulatedBoxes: 0 }),
      retiredAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const withFleet = await plan([]);
    expectFeasible(withFleet);
    expect(withFleet.runs.filter((run) => run.status !== 'IN_PROGRESS').every((run) => run.vehicle.vehicleId !== null)).toBe(true);

    const runsBefore = await ds().query('SELECT id, status, version FROM runs ORDER BY id');
    const staff = await insertMember(ds(), recipient.organizationId, MemberRole.STAFF, `staff.${randomUUID().slice(0, 6)}@asso.example`);
    expect(await rejection(plan(vans, '2031-03-10'))).toMatchObject({ code: 'RUN_DAY_OVER', field: 'day' });
    expect(await rejection(plan(vans, '2031-02-30'))).toMatchObject({ code: 'INVALID_DATE', field: 'day' });
    expect(await rejection(plan([{ capacityKg: 0, refrigerated: false }]))).toMatchObject({ code: 'INVALID_VEHICLE_CAPACITY', field: 'vehicles.0.capacityKg' });
    expect(await rejection(plan([vans[0] ?? { capacityKg: 1, refrigerated: false }, { capacityKg: 100, refrigerated: false, driverId: staff }]))).toMatchObject(
      {
        code: 'NOT_A_DRIVER',
        field: 'vehicles.1.driverId',
      },
    );
    expect(await rejection(plan(Array.from({ length: 51 }, () => vans[1] ?? { capacityKg: 1, refrigerated: false })))).toMatchObject({
      code: 'TOO_MANY_VEHICLES',
      field: 'vehicles',
    });
    const other = await insertRunRecipient(ds(), BORDEAUX);
    expect(await rejection(uses.planRuns.execute({ actor: actor(other.adminId), organizationId: other.organizationId, day: DAY, vehicles: [] }))).toMatchObject(
      { code: 'NO_VEHICLES', field: 'vehicles' },
    );
    expect(
      await rejection(uses.planRuns.execute({ actor: actor(other.adminId), organizationId: recipient.organizationId, day: DAY, vehicles: vans })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejection(uses.planRuns.execute({ actor: actor(drivers.ana), organizationId: recipient.organizationId, day: DAY, vehicles: vans })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await ds().query('SELECT id, status, version FROM runs ORDER BY id')).toEqual(runsBefore);
  });
});
