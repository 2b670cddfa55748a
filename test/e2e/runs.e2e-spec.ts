import type { INestApplicationContext } from '@nestjs/common';
import { MemberRole } from '#domain';
import { RedisEventBus } from '#jobs';
import type { Client } from 'graphql-ws';
import { settle, waitForLockWaiters } from '../support/contention';
import { insertRecipient } from '../support/factories/matching.factory';
import { insertMembership } from '../support/factories/people.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const PICKUP_RUNS = `query ($organizationId: ID!, $day: Date!) { pickupRuns(organizationId: $organizationId, day: $day) { ${RUN_FIELDS} } }`;
const MY_RUNS = `query ($day: Date) { myRuns(day: $day) { ${RUN_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!) { acceptRun(id: $id) { id status driver { id } } }`;
const UNSERVED = `query ($organizationId: ID!, $day: Date!) { unservedPickups(organizationId: $organizationId, day: $day) { reason claim { id } } }`;
const RUN_UPDATED = `subscription ($runId: ID!) { runUpdated(runId: $runId) { id status driver { id } stops { kind site { id } } } }`;

interface RunUpdatedView {
  id: string;
  status: string;
  driver: { id: string } | null;
  stops: Array<{ kind: string; site: { id: string } }>;
}

function follow(client: Client, runId: string): { events: RunUpdatedView[]; errors: unknown[]; stop: () => void } {
  const events: RunUpdatedView[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ runUpdated: RunUpdatedView }>(
    { query: RUN_UPDATED, variables: { runId } },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else if (result.data) events.push(result.data.runUpdated);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

/** Pickup runs over GraphQL and WebSocket, on two API instances and a worker sharing PostgreSQL and Redis. */
describe('pickup runs end to end', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let otherInstance: RunningApi;
  let worker: INestApplicationContext | undefined;
  let scenario: RunScenario;
  let drivers: [TestUser, TestUser];
  let outsiderDriver: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://glane.test', BROADCAST_WAIT_SECONDS: '3600' });
    [api, otherInstance, worker] = await Promise.all([startApi(services.config), startApi(services.config), startWorker(services.config)]);
    scenario = await claimedDay(api, services.dataSource, [
      { name: 'Carrefour Mérignac', latitude: 44.8386, longitude: -0.6811, kg: 120 },
      { name: 'Boulangerie de Bègles', latitude: 44.8086, longitude: -0.5478, kg: 35, temperature: 'CHILLED' },
      { name: 'Primeur de Lormont', latitude: 44.8792, longitude: -0.5217, kg: 60 },
    ]);
    await services.dataSource.query("UPDATE sites SET access_instructions = 'Quai de livraison à l’arrière, sonner au 2' WHERE id = $1", [
      scenario.donors[0]?.siteId,
    ]);
    // Drivers without weekly hours: nobody is given a run, every run stays open to accept.
    drivers = [await registerUser(api, undefined, 'Driss Chauffeur'), await registerUser(api, undefined, 'Lina Chauffeuse')];
    for (const driver of drivers) await insertMembership(services.dataSource, scenario.recipient.organizationId, driver.id, MemberRole.DRIVER);
    const elsewhere = await insertRecipient(services.dataSource, { latitude: 44.84, longitude: -0.57 });
    outsiderDriver = await registerUser(api);
    await insertMembership(services.dataSource, elsewhere.organizationId, outsiderDriver.id, MemberRole.DRIVER);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), otherInstance?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  const plan = (vehicles: unknown[], token = scenario.recipient.admin.accessToken) =>
    gql<{ planRuns: RunViewOverApi[] }>(api, PLAN, { input: { organizationId: scenario.recipient.organizationId, day: scenario.day, vehicles } }, token);

  it('a coordinator plans the day: open runs with ordered stops, windows, loads per class, and the donor’s access instructions', async () => {
    const planned = await plan([
      { capacityKg: 150, refrigerated: true },
      { capacityKg: 150, refrigerated: false },
    ]);
    expect(planned.errors).toBeUndefined();
    const runs = planned.data?.planRuns ?? [];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const claimIds = runs.flatMap((run) => run.stops.filter((stop) => stop.kind === 'COLLECT').map((stop) => stop.claim.id)).sort();
    expect(claimIds).toEqual(scenario.claims.map((claim) => claim.id).sort());
    for (const run of runs) {
      expect(run).toMatchObject({ day: scenario.day, status: 'PLANNED', driver: null, organization: { id: scenario.recipient.organizationId } });
      expect(run.stops.map((stop) => stop.sequence)).toEqual(run.stops.map((_, index) => index + 1));
      const kinds = run.stops.map((stop) => stop.kind);
      expect(kinds.lastIndexOf('COLLECT')).toBeLessThan(kinds.indexOf('DELIVER'));
      for (const stop of run.stops) {
        expect(new Date(stop.plannedArrival).getTime()).toBeLessThanOrEqual(new Date(stop.windowEnd).getTime());
        expect(stop.loadByTemperature.reduce((sum, load) => sum + load.kg, 0)).toBeCloseTo(stop.loadKg, 6);
      }
      if (run.stops.some((stop) => stop.loadByTemperature.some((load) => load.temperature === 'CHILLED'))) expect(run.refrigerated).toBe(true);
    }
    const merignac = runs.flatMap((run) => run.stops).find((stop) => stop.kind === 'COLLECT' && stop.site.id === scenario.donors[0]?.siteId);
    expect(merignac).toMatchObject({
      accessInstructions: 'Quai de livraison à l’arrière, sonner au 2',
      loadKg: 120,
      loadByTemperature: [{ temperature: 'AMBIENT', kg: 120 }],
    });

    const read = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
      api,
      PICKUP_RUNS,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    expect(read.pickupRuns.map((run) => run.id)).toEqual(runs.map((run) => run.id));
    const unserved = await gqlOk<{ unservedPickups: unknown[] }>(
      api,
      UNSERVED,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    expect(unserved.unservedPickups).toEqual([]);
    // Drivers see the open runs they may accept.
    const open = await gqlOk<{ myRuns: RunViewOverApi[] }>(api, MY_RUNS, { day: scenario.day }, drivers[0].accessToken);
    expect(open.myRuns.map((run) => run.id).sort()).toEqual(runs.map((run) => run.id).sort());
    const none = await gqlOk<{ myRuns: RunViewOverApi[] }>(api, MY_RUNS, { day: scenario.day }, outsiderDriver.accessToken);
    expect(none.myRuns).toEqual([]);
    // Only the recipient's coordinators plan and read the day.
    expect((await plan([], drivers[0].accessToken)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await plan([{ capacityKg: -3, refrigerated: false }])).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_VEHICLE_CAPACITY',
      field: 'vehicles.0.capacityKg',
    });
  });

  it('two drivers accept the same run at once: exactly one gets it, the other is told it is taken; a stranger is refused', async () => {
    const { pickupRuns } = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
      api,
      PICKUP_RUNS,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    const run = pickupRuns.find((candidate) => candidate.status === 'PLANNED') as RunViewOverApi;

    // Proof of contention: the run's row is held, both acceptances queue behind it, then race.
    const held = services.dataSource.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    try {
      await held.query('SELECT id FROM runs WHERE id = $1 FOR UPDATE', [run.id]);
      const answers = drivers.map((driver, index) =>
        settle(
          gql<{ acceptRun: { id: string; status: string; driver: { id: string } } }>(
            index === 0 ? api : otherInstance,
            ACCEPT,
            { id: run.id },
            driver.accessToken,
          ),
        ),
      );
      await waitForLockWaiters(services.dataSource, 2, 'both acceptances');
      await held.commitTransaction();
      const bodies = (await Promise.all(answers)).map((answer) => {
        if (answer.status === 'rejected') throw answer.reason;
        return answer.value;
      });
      const winners = bodies.filter((body) => body.errors === undefined);
      const losers = bodies.filter((body) => body.errors !== undefined);
      expect(winners).toHaveLength(1);
      expect(losers.map((body) => body.errors?.[0]?.extensions)).toEqual([expect.objectContaining({ code: 'RUN_ALREADY_TAKEN', field: 'id' })]);
      const winner = drivers.find((driver) => driver.id === winners[0]?.data?.acceptRun.driver.id);
      expect(winners[0]?.data?.acceptRun).toMatchObject({ id: run.id, status: 'ASSIGNED' });
      expect(await services.dataSource.query('SELECT driver_user_id, status FROM runs WHERE id = $1', [run.id])).toEqual([
        { driver_user_id: winner?.id, status: 'ASSIGNED' },
      ]);
      // The winner sees it as theirs (with its stops); the loser no longer sees it among the open runs.
      const mine = await gqlOk<{ myRuns: RunViewOverApi[] }>(api, MY_RUNS, { day: scenario.day }, winner?.accessToken);
      expect(mine.myRuns.find((candidate) => candidate.id === run.id)).toMatchObject({ driver: { id: winner?.id }, status: 'ASSIGNED' });
      const loser = drivers.find((driver) => driver !== winner) as TestUser;
      const theirs = await gqlOk<{ myRuns: RunViewOverApi[] }>(api, MY_RUNS, { day: scenario.day }, loser.accessToken);
      expect(theirs.myRuns.map((candidate) => candidate.id)).not.toContain(run.id);
      expect((await gql(api, ACCEPT, { id: run.id }, loser.accessToken)).errors?.[0]?.extensions).toMatchObject({ code: 'RUN_ALREADY_TAKEN' });
    } finally {
      if (held.isTransactionActive) await held.rollbackTransaction();
      await held.release();
    }
    const stranger = await gql(api, ACCEPT, { id: run.id }, outsiderDriver.accessToken);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const coordinator = await gql(api, ACCEPT, { id: run.id }, scenario.recipient.admin.accessToken);
    expect(coordinator.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const unknown = await gql(api, ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, drivers[0].accessToken);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('runUpdated reaches subscribers on another API instance: the coordinator sees the whole run, a donor only its own stop', async () => {
    const { pickupRuns } = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
      api,
      PICKUP_RUNS,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    const run = pickupRuns.find((candidate) => candidate.status === 'PLANNED') as RunViewOverApi;
    const donorSiteId = run.stops.find((stop) => stop.kind === 'COLLECT')?.site.id;
    const donor = scenario.donors.find((candidate) => candidate.siteId === donorSiteId);
    const coordinatorClient = wsClient(otherInstance.wsUrl, { authorization: `Bearer ${scenario.recipient.admin.accessToken}` });
    const donorClient = wsClient(otherInstance.wsUrl, { authorization: `Bearer ${donor?.admin.accessToken}` });
    const strangerClient = wsClient(otherInstance.wsUrl, { authorization: `Bearer ${outsiderDriver.accessToken}` });
    const asCoordinator = follow(coordinatorClient, run.id);
    const asDonor = follow(donorClient, run.id);
    const asStranger = follow(strangerClient, run.id);
    try {
      // One Redis subscriber per API instance; each subscription is live once it has heard a notice.
      await waitForSubscribers(services.config, 'runs.changed', 1);
      await until(
        () => {
          void otherInstance.app.get(RedisEventBus).publish('runs.changed', { runId: run.id });
          return asCoordinator.events.length > 0 && asDonor.events.length > 0 ? true : undefined;
        },
        10_000,
        'both subscriptions to be live',
      );
      expect(asCoordinator.events[0]).toMatchObject({ id: run.id, status: 'PLANNED', driver: null });
      await gqlOk(api, ACCEPT, { id: run.id }, drivers[0].accessToken);
      const seen = await until(() => asCoordinator.events.find((event) => event.status === 'ASSIGNED'), 20_000, 'the coordinator’s notice');
      expect(seen).toMatchObject({ id: run.id, driver: { id: drivers[0].id } });
      expect(seen.stops).toHaveLength(run.stops.length);
      const donorSeen = await until(() => asDonor.events.find((event) => event.status === 'ASSIGNED'), 20_000, 'the donor’s notice');
      expect(donorSeen.driver).toBeNull();
      expect(donorSeen.stops).toEqual([{ kind: 'COLLECT', site: { id: donorSiteId } }]);
      expect(asStranger.events).toEqual([]);
      expect(JSON.stringify(asStranger.errors)).toContain('NOT_FOUND');
      expect(asCoordinator.errors).toEqual([]);
      expect(asDonor.errors).toEqual([]);
    } finally {
      asCoordinator.stop();
      asDonor.stop();
      asStranger.stop();
      await Promise.all([coordinatorClient.dispose(), donorClient.dispose(), strangerClient.dispose()]);
    }
  });

  it('a re-plan with too small a van leaves pickups out: listed with the reason, and the coordinators are e-mailed', async () => {
    const mailsBefore = smtp.messages.length;
    const planned = await plan([{ capacityKg: 50, refrigerated: true }]);
    expect(planned.errors).toBeUndefined();
    const left = await gqlOk<{ unservedPickups: Array<{ reason: string; claim: { id: string } }> }>(
      api,
      UNSERVED,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    const tooHeavy = scenario.claims.filter((claim) => claim.totalKg > 50).map((claim) => claim.id);
    expect(
      left.unservedPickups
        .filter((pickup) => pickup.reason === 'DEMAND_EXCEEDS_CAPACITY')
        .map((pickup) => pickup.claim.id)
        .sort(),
    ).toEqual(tooHeavy.sort());
    const mails = await smtp.waitFor((messages) => messages.slice(mailsBefore).some((mail) => mail.to.includes(scenario.recipient.admin.email)), 20_000);
    const mail = mails.slice(mailsBefore).find((candidate) => candidate.to.includes(scenario.recipient.admin.email));
    expect(mail?.subject).toContain(`Enlèvements non planifiés le ${scenario.day}`);
    expect(mail?.text).toContain('plus lourd que la charge utile de chaque véhicule');
    expect(mail?.text.indexOf('Bonjour')).toBeLessThan(mail?.text.indexOf('Hello') ?? -1);
  });
});
