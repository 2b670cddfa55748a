import { gql, gqlOk, registerUser, type GraphQLErrorBody, type TestUser } from '../support/graphql-http';
import { siretFor } from '../support/legal-ids';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
const VEHICLE_FIELDS = 'id organizationId name capacityKg refrigerated insulatedBoxes insulatedBoxMaxMinutes retired retiredAt';
const ADD_VEHICLE = `mutation ($input: AddVehicleInput!) { addVehicle(input: $input) { ${VEHICLE_FIELDS} } }`;
const UPDATE_VEHICLE = `mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { ${VEHICLE_FIELDS} } }`;
const VEHICLES = `query ($organizationId: ID!, $includeRetired: Boolean!) { vehicles(organizationId: $organizationId, includeRetired: $includeRetired) { id name retired } }`;
const AVAILABILITY_FIELDS = 'organizationId userId weekly { weekday intervals { start end } } absences { id from to } weeklyUpdatedAt';
const SET_AVAILABILITY = `mutation ($input: SetDriverAvailabilityInput!) { setDriverAvailability(input: $input) { ${AVAILABILITY_FIELDS} } }`;
const ADD_ABSENCE = `mutation ($input: AddDriverAbsenceInput!) { addDriverAbsence(input: $input) { id from to } }`;
const REMOVE_ABSENCE = `mutation ($id: ID!) { removeDriverAbsence(id: $id) }`;
const AVAILABILITY = `query ($organizationId: ID!, $userId: ID!) { driverAvailability(organizationId: $organizationId, userId: $userId) { ${AVAILABILITY_FIELDS} } }`;

interface VehicleView {
  id: string;
  organizationId: string;
  name: string;
  capacityKg: number;
  refrigerated: boolean;
  insulatedBoxes: number;
  insulatedBoxMaxMinutes: number | null;
  retired: boolean;
  retiredAt: string | null;
}

interface AvailabilityView {
  userId: string;
  weekly: Array<{ weekday: number; intervals: Array<{ start: string; end: string }> }>;
  absences: Array<{ id: string; from: string; to: string }>;
  weeklyUpdatedAt: string | null;
}

const codesOf = (errors: readonly GraphQLErrorBody[] | undefined) =>
  (errors ?? []).map((error) => ({ code: error.extensions.code, field: error.extensions.field }));

describe('vehicles and drivers’ availability over GraphQL', () => {
  let services: TestServices;
  let api: RunningApi;
  let admin: TestUser;
  let staff: TestUser;
  let driver: TestUser;
  let otherDriver: TestUser;
  let outsider: TestUser;
  let donorAdmin: TestUser;
  let epicerie: string;
  let otherRecipient: string;
  let donor: string;
  let otherVehicle: VehicleView;

  async function countRows(table: string, organizationId: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`, [organizationId]);
    return Number(rows[0]?.n);
  }

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    [admin, staff, driver, otherDriver, outsider, donorAdmin] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => registerUser(api)));
    const create = async (owner: TestUser, input: Record<string, unknown>) =>
      (await gqlOk<{ createOrganization: { id: string } }>(api, CREATE, { input }, owner.accessToken)).createOrganization.id;
    epicerie = await create(admin, { name: 'Épicerie solidaire des Chartrons', kind: 'RECIPIENT', legalId: 'W332000001' });
    otherRecipient = await create(outsider, { name: 'Restos du Quartier', kind: 'RECIPIENT', legalId: 'W332000002' });
    donor = await create(donorAdmin, { name: 'Boulangerie du Parc', kind: 'DONOR', legalId: siretFor(7101) });
    for (const [member, role] of [
      [staff, 'STAFF'],
      [driver, 'DRIVER'],
      [otherDriver, 'DRIVER'],
    ] as const) {
      await gqlOk(api, ADD_MEMBER, { input: { organizationId: epicerie, email: member.email, role } }, admin.accessToken);
    }
    otherVehicle = (
      await gqlOk<{ addVehicle: VehicleView }>(
        api,
        ADD_VEHICLE,
        { input: { organizationId: otherRecipient, name: 'Camion', capacityKg: 1200, refrigerated: false } },
        outsider.accessToken,
      )
    ).addVehicle;
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  describe('vehicles', () => {
    it('adds a car and a refrigerated van, lists them by name, and retires one', async () => {
      const car = (
        await gqlOk<{ addVehicle: VehicleView }>(
          api,
          ADD_VEHICLE,
          { input: { organizationId: epicerie, name: 'Berlingo', capacityKg: 350, refrigerated: false } },
          staff.accessToken,
        )
      ).addVehicle;
      expect(car).toMatchObject({
        organizationId: epicerie,
        name: 'Berlingo',
        capacityKg: 350,
        refrigerated: false,
        insulatedBoxes: 0,
        insulatedBoxMaxMinutes: null,
        retired: false,
      });
      const van = (
        await gqlOk<{ addVehicle: VehicleView }>(
          api,
          ADD_VEHICLE,
          {
            input: {
              organizationId: epicerie,
              name: 'Master frigorifique',
              capacityKg: 1100.5,
              refrigerated: true,
              insulatedBoxes: 4,
              insulatedBoxMaxMinutes: 90,
            },
          },
          admin.accessToken,
        )
      ).addVehicle;
      expect(van).toMatchObject({ capacityKg: 1100.5, refrigerated: true, insulatedBoxes: 4, insulatedBoxMaxMinutes: 90 });

      const retired = (await gqlOk<{ updateVehicle: VehicleView }>(api, UPDATE_VEHICLE, { input: { id: car.id, retired: true } }, admin.accessToken))
        .updateVehicle;
      expect(retired).toMatchObject({ name: 'Berlingo', capacityKg: 350, retired: true });
      expect(Date.parse(retired.retiredAt ?? '')).not.toBeNaN();

      const active = await gqlOk<{ vehicles: Array<{ id: string }> }>(api, VEHICLES, { organizationId: epicerie, includeRetired: false }, driver.accessToken);
      expect(active.vehicles.map((vehicle) => vehicle.id)).toEqual([van.id]);
      const all = await gqlOk<{ vehicles: Array<{ id: string; retired: boolean }> }>(
        api,
        VEHICLES,
        { organizationId: epicerie, includeRetired: true },
        staff.accessToken,
      );
      expect(all.vehicles).toEqual([
        { id: van.id, name: 'Master frigorifique', retired: false },
        { id: car.id, name: 'Berlingo', retired: true },
      ]);

      const changed = (
        await gqlOk<{ updateVehicle: VehicleView }>(
          api,
          UPDATE_VEHICLE,
          { input: { id: van.id, capacityKg: 1000, insulatedBoxMaxMinutes: null } },
          staff.accessToken,
        )
      ).updateVehicle;
      expect(changed).toMatchObject({ name: 'Master frigorifique', capacityKg: 1000, insulatedBoxes: 4, insulatedBoxMaxMinutes: null, retired: false });
    });

    it('answers bad input with a coded error on the field, and writes nothing', async () => {
      const before = await countRows('vehicles', epicerie);
      const attempts: Array<[Record<string, unknown>, string, string]> = [
        [{ capacityKg: 0 }, 'INVALID_VEHICLE_CAPACITY', 'capacityKg'],
        [{ capacityKg: -20 }, 'INVALID_VEHICLE_CAPACITY', 'capacityKg'],
        [{ name: '  ' }, 'INVALID_VEHICLE_NAME', 'name'],
        [{ insulatedBoxes: -1 }, 'INVALID_INSULATED_BOXES', 'insulatedBoxes'],
        [{ insulatedBoxes: 0, insulatedBoxMaxMinutes: 30 }, 'INSULATED_BOX_MINUTES_WITHOUT_BOXES', 'insulatedBoxMaxMinutes'],
      ];
      for (const [change, code, field] of attempts) {
        const body = await gql(
          api,
          ADD_VEHICLE,
          { input: { organizationId: epicerie, name: 'Clio', capacityKg: 200, refrigerated: false, ...change } },
          admin.accessToken,
        );
        expect({ change, errors: codesOf(body.errors) }).toEqual({ change, errors: [{ code, field }] });
      }
      expect(await countRows('vehicles', epicerie)).toBe(before);
    });

    it('gives a donor no vehicles: NOT_A_RECIPIENT, nothing written', async () => {
      const body = await gql(
        api,
        ADD_VEHICLE,
        { input: { organizationId: donor, name: 'Kangoo', capacityKg: 300, refrigerated: false } },
        donorAdmin.accessToken,
      );
      expect(codesOf(body.errors)).toEqual([{ code: 'NOT_A_RECIPIENT', field: 'organizationId' }]);
      expect(await countRows('vehicles', donor)).toBe(0);
    });

    it('keeps another organisation’s real vehicles out of reach: FORBIDDEN, and the vehicle unchanged', async () => {
      for (const caller of [admin, staff, driver]) {
        expect(codesOf((await gql(api, UPDATE_VEHICLE, { input: { id: otherVehicle.id, retired: true } }, caller.accessToken)).errors)).toEqual([
          { code: 'FORBIDDEN', field: undefined },
        ]);
        expect(codesOf((await gql(api, VEHICLES, { organizationId: otherRecipient, includeRetired: true }, caller.accessToken)).errors)).toEqual([
          { code: 'FORBIDDEN', field: undefined },
        ]);
      }
      const theirs = await gqlOk<{ vehicles: Array<{ id: string; retired: boolean }> }>(
        api,
        VEHICLES,
        { organizationId: otherRecipient, includeRetired: true },
        outsider.accessToken,
      );
      expect(theirs.vehicles).toEqual([{ id: otherVehicle.id, name: 'Camion', retired: false }]);
    });

    it('lets a driver see the vehicles but not change them', async () => {
      const own = (
        await gqlOk<{ addVehicle: VehicleView }>(
          api,
          ADD_VEHICLE,
          { input: { organizationId: epicerie, name: 'Partner', capacityKg: 500, refrigerated: false } },
          admin.accessToken,
        )
      ).addVehicle;
      expect(codesOf((await gql(api, UPDATE_VEHICLE, { input: { id: own.id, name: 'Mine' } }, driver.accessToken)).errors)).toEqual([
        { code: 'FORBIDDEN', field: undefined },
      ]);
      expect(
        codesOf(
          (await gql(api, ADD_VEHICLE, { input: { organizationId: epicerie, name: 'X', capacityKg: 5, refrigerated: false } }, driver.accessToken)).errors,
        ),
      ).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
    });
  });

  describe('drivers’ availability', () => {
    it('lets a driver set their weekly hours and absences, and the coordinators read them', async () => {
      const weekly = [
        { weekday: 2, intervals: [{ start: '14:00', end: '18:00' }] },
        { weekday: 6, intervals: [{ start: '08:30', end: '12:00' }] },
      ];
      const set = (
        await gqlOk<{ setDriverAvailability: AvailabilityView }>(api, SET_AVAILABILITY, { input: { organizationId: epicerie, weekly } }, driver.accessToken)
      ).setDriverAvailability;
      expect(set).toMatchObject({ userId: driver.id, weekly, absences: [] });
      expect(Date.parse(set.weeklyUpdatedAt ?? '')).not.toBeNaN();

      const absence = (
        await gqlOk<{ addDriverAbsence: { id: string } }>(
          api,
          ADD_ABSENCE,
          { input: { organizationId: epicerie, from: '2031-08-01', to: '2031-08-15' } },
          driver.accessToken,
        )
      ).addDriverAbsence;
      for (const reader of [admin, staff, driver]) {
        const seen = (
          await gqlOk<{ driverAvailability: AvailabilityView }>(api, AVAILABILITY, { organizationId: epicerie, userId: driver.id }, reader.accessToken)
        ).driverAvailability;
        expect(seen).toMatchObject({ userId: driver.id, weekly, absences: [{ id: absence.id, from: '2031-08-01', to: '2031-08-15' }] });
      }
      // A driver never touches a colleague's availability, nor reads it; an outsider reads nobody's.
      expect(codesOf((await gql(api, AVAILABILITY, { organizationId: epicerie, userId: driver.id }, otherDriver.accessToken)).errors)).toEqual([
        { code: 'FORBIDDEN', field: undefined },
      ]);
      expect(codesOf((await gql(api, AVAILABILITY, { organizationId: epicerie, userId: driver.id }, outsider.accessToken)).errors)).toEqual([
        { code: 'FORBIDDEN', field: undefined },
      ]);
      expect(codesOf((await gql(api, REMOVE_ABSENCE, { id: absence.id }, otherDriver.accessToken)).errors)).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
      expect(codesOf((await gql(api, REMOVE_ABSENCE, { id: absence.id }, admin.accessToken)).errors)).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
      expect(await gqlOk<{ removeDriverAbsence: boolean }>(api, REMOVE_ABSENCE, { id: absence.id }, driver.accessToken)).toEqual({ removeDriverAbsence: true });
      const after = (
        await gqlOk<{ driverAvailability: AvailabilityView }>(api, AVAILABILITY, { organizationId: epicerie, userId: driver.id }, staff.accessToken)
      ).driverAvailability;
      expect(after.absences).toEqual([]);
    });

    it('reads an empty availability for a driver who declared none, and NOT_A_DRIVER for someone who does not drive', async () => {
      const none = (
        await gqlOk<{ driverAvailability: AvailabilityView }>(api, AVAILABILITY, { organizationId: epicerie, userId: otherDriver.id }, admin.accessToken)
      ).driverAvailability;
      expect(none).toEqual({ organizationId: epicerie, userId: otherDriver.id, weekly: [], absences: [], weeklyUpdatedAt: null });
      expect(codesOf((await gql(api, AVAILABILITY, { organizationId: epicerie, userId: staff.id }, admin.accessToken)).errors)).toEqual([
        { code: 'NOT_A_DRIVER', field: 'userId' },
      ]);
    });

    it('answers an interval or an absence that ends before it starts with a coded error, and writes nothing', async () => {
      const before = { weekly: await countRows('driver_weekly_availabilities', epicerie), absences: await countRows('driver_absences', epicerie) };
      const badHours = await gql(
        api,
        SET_AVAILABILITY,
        { input: { organizationId: epicerie, weekly: [{ weekday: 3, intervals: [{ start: '18:00', end: '09:00' }] }] } },
        otherDriver.accessToken,
      );
      expect(codesOf(badHours.errors)).toEqual([{ code: 'OPENING_HOURS_END_BEFORE_START', field: 'weekly.0.intervals.0.end' }]);
      const badAbsence = await gql(api, ADD_ABSENCE, { input: { organizationId: epicerie, from: '2031-09-10', to: '2031-09-09' } }, otherDriver.accessToken);
      expect(codesOf(badAbsence.errors)).toEqual([{ code: 'ABSENCE_END_BEFORE_START', field: 'to' }]);
      expect({ weekly: await countRows('driver_weekly_availabilities', epicerie), absences: await countRows('driver_absences', epicerie) }).toEqual(before);
    });

    it('leaves coordinators out of declaring a driver’s availability', async () => {
      const weekly = [{ weekday: 1, intervals: [{ start: '08:00', end: '10:00' }] }];
      for (const caller of [admin, staff]) {
        expect(codesOf((await gql(api, SET_AVAILABILITY, { input: { organizationId: epicerie, weekly } }, caller.accessToken)).errors)).toEqual([
          { code: 'FORBIDDEN', field: undefined },
        ]);
      }
    });
  });
});
