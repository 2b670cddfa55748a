import ICAL from 'ical.js';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { insertDriver } from '../support/factories/runs.factory';
import { registerDonor } from '../support/factories/offers.factory';
import { gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const PUBLIC_URL = 'https://glane.example';
const HOUR = 3_600_000;
const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const ISSUE = `mutation { issueCalendarFeed }`;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { id } }`;

interface ParsedEvent {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description: string;
  location: string | null;
  sequence: number;
}

/** A driver's calendar feed lists their runs, parsed by an independent iCalendar parser (ical.js), and follows them when they change. */
describe('a driver’s runs in their calendar feed', () => {
  let services: TestServices;
  let api: RunningApi;
  let scenario: RunScenario;
  let driver: TestUser;
  let other: TestUser;

  async function feedOf(user: TestUser): Promise<string> {
    const url = (await gqlOk<{ issueCalendarFeed: string }>(api, ISSUE, {}, user.accessToken)).issueCalendarFeed;
    return url.slice(PUBLIC_URL.length);
  }

  async function events(path: string): Promise<ParsedEvent[]> {
    const response = await request(api.httpUrl).get(path);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().getTime(),
        end: event.endDate.toJSDate().getTime(),
        summary: event.summary,
        description: event.description,
        location: event.location,
        sequence: event.sequence,
      };
    });
  }

  const plan = async (vehicles: unknown[]) =>
    (
      await gqlOk<{ planRuns: RunViewOverApi[] }>(
        api,
        PLAN,
        { input: { organizationId: scenario.recipient.organizationId, day: scenario.day, vehicles } },
        scenario.recipient.admin.accessToken,
      )
    ).planRuns;

  beforeAll(async () => {
    services = await provideTestServices({ PUBLIC_URL, BROADCAST_WAIT_SECONDS: '3600' });
    api = await startApi(services.config);
    scenario = await claimedDay(api, services.dataSource, [
      { name: 'Carrefour Bastide', latitude: 44.8431, longitude: -0.5583, kg: 30 },
      { name: 'Biocoop Chartrons', latitude: 44.8531, longitude: -0.5712, kg: 20 },
    ]);
    [driver, other] = [await registerUser(api, undefined, 'Noé Chauffeur'), await registerUser(api, undefined, 'Léa Chauffeuse')];
    for (const person of [driver, other]) {
      await insertDriver(services.dataSource, scenario.recipient.organizationId, { start: '00:00', end: '24:00' }, [], person.id);
    }
  }, 120_000);

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  it('shows the run the driver has, and changes with it: re-planned, then given to another driver', async () => {
    const [run] = await plan([{ capacityKg: 300, refrigerated: true, driverId: driver.id }]);
    if (run === undefined) throw new Error('one run expected');
    expect(run.driver?.id).toBe(driver.id);
    const path = await feedOf(driver);

    const [first, ...none] = await events(path);
    expect(none).toEqual([]);
    // iCalendar counts in whole seconds.
    const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) * 1000;
    expect(first).toMatchObject({ uid: `run-${run.id}@glane`, start: seconds(run.plannedStart), end: seconds(run.plannedEnd) });
    expect(first?.description.split('\n')).toHaveLength(run.stops.length);
    expect(first?.summary).toBe([...new Set(run.stops.map((stop) => stop.site.name))].join(' → '));

    // A new claim, the day planned again: the same event (same UID), a later version, one more collection and delivery.
    const donor = await registerDonor(api, { latitude: 44.8308, longitude: -0.5681 }, 'Marché des Capucins');
    const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: 'Fruits',
          items: [{ category: 'FOOD.FRUIT_VEG', description: 'Pommes', quantityKg: 15, temperature: 'AMBIENT', dateKind: 'NONE' }],
          pickupFrom: new Date(Date.now() + HOUR).toISOString(),
          pickupUntil: new Date(Date.now() + 6 * HOUR).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    await gqlOk(api, PUBLISH, { id: createOffer.id }, donor.admin.accessToken);
    await gqlOk(
      api,
      CLAIM,
      { input: { offerId: createOffer.id, organizationId: scenario.recipient.organizationId, idempotencyKey: `ics-${randomUUID()}` } },
      scenario.recipient.admin.accessToken,
    );
    const [replanned] = await plan([{ capacityKg: 300, refrigerated: true, driverId: driver.id }]);
    expect(replanned?.id).toBe(run.id);
    const [second] = await events(path);
    expect(second?.uid).toBe(first?.uid);
    expect(second?.sequence).toBeGreaterThan(first?.sequence ?? Number.POSITIVE_INFINITY);
    expect(second?.description.split('\n')).toHaveLength(run.stops.length + 2);

    // The coordinator puts another driver on the vehicle: the run leaves the first feed and enters the other's.
    await plan([{ capacityKg: 300, refrigerated: true, driverId: other.id }]);
    expect(await events(path)).toEqual([]);
    expect((await events(await feedOf(other))).map((event) => event.uid)).toEqual([`run-${run.id}@glane`]);
  });
});
