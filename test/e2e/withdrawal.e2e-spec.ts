import type { INestApplicationContext } from '@nestjs/common';
import { ReplanDay } from '#application';
import { RedisEventBus } from '#jobs';
import { insertDriver } from '../support/factories/runs.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { wsClient } from '../support/graphql-ws-client';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawFromRun(id: $id) { id status driver { id } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptRun(id: $id) { id status driver { id } } }`;
const RECORD = `mutation ($input: StopEventInput!) { recordStopEvent(input: $input) { id } }`;
const RUN_UPDATED = `subscription ($runId: ID!) { runUpdated(runId: $runId) { id status driver { id } } }`;

/** A driver gives a run back close to its start: it is open again, the other available drivers are told, then the coordinators if nobody takes it. */
describe('a driver withdraws from a run', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let scenario: RunScenario;
  let leaving: TestUser;
  let available: TestUser;
  let away: TestUser;

  const plan = async (driverId: string) =>
    (
      await gqlOk<{ planRuns: RunViewOverApi[] }>(
        api,
        PLAN,
        { input: { organizationId: scenario.recipient.organizationId, day: scenario.day, vehicles: [{ capacityKg: 300, refrigerated: true, driverId }] } },
        scenario.recipient.admin.accessToken,
      )
    ).planRuns;
  const mailsTo = (user: { email: string }, subject: string) =>
    smtp.messages.filter((mail) => mail.to.includes(user.email) && mail.subject.startsWith(subject));

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://glane.test',
      BROADCAST_WAIT_SECONDS: '3600',
      RUN_WITHDRAWAL_NOTICE_HOURS: '24',
      RUN_UNTAKEN_ALERT_SECONDS: '3',
    });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    scenario = await claimedDay(api, services.dataSource, [{ name: 'Boucherie du Marché', latitude: 44.8412, longitude: -0.5701, kg: 25 }]);
    [leaving, available, away] = [await registerUser(api), await registerUser(api), await registerUser(api)];
    for (const driver of [leaving, available])
      await insertDriver(services.dataSource, scenario.recipient.organizationId, { start: '00:00', end: '24:00' }, [], driver.id);
    // A driver of the organisation who does not drive that day: not asked.
    await insertDriver(services.dataSource, scenario.recipient.organizationId, null, [], away.id);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  it('opens the run again, tells whoever follows it and the other available drivers, then the coordinators when nobody takes it', async () => {
    const [run] = await plan(leaving.id);
    if (run === undefined) throw new Error('one run expected');
    expect(run.driver?.id).toBe(leaving.id);
    expect((await gql(api, WITHDRAW, { id: run.id }, available.accessToken)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });

    const client = wsClient(api.wsUrl, { authorization: `Bearer ${scenario.recipient.admin.accessToken}` });
    const heard: Array<{ id: string; status: string; driver: { id: string } | null }> = [];
    const stop = client.subscribe<{ runUpdated: (typeof heard)[number] }>(
      { query: RUN_UPDATED, variables: { runId: run.id } },
      { next: (result) => result.data && heard.push(result.data.runUpdated), error: () => undefined, complete: () => undefined },
    );
    try {
      await until(
        () => {
          void api.app.get(RedisEventBus).publish('runs.changed', { runId: run.id });
          return heard.length > 0 ? true : undefined;
        },
        10_000,
        'the subscription',
      );
      const withdrawn = await gqlOk<{ withdrawFromRun: { id: string; status: string; driver: null } }>(api, WITHDRAW, { id: run.id }, leaving.accessToken);
      expect(withdrawn.withdrawFromRun).toEqual({ id: run.id, status: 'PLANNED', driver: null });
      expect(await until(() => heard.find((event) => event.status === 'PLANNED'), 20_000, 'the notice')).toMatchObject({ driver: null });
    } finally {
      stop();
      await client.dispose();
    }
    await smtp.waitFor(() => mailsTo(available, 'Tournée à reprendre').length > 0, 20_000);
    expect(mailsTo(available, 'Tournée à reprendre')[0]?.text).toContain('Vous êtes disponible');
    expect(mailsTo(leaving, 'Tournée à reprendre')).toEqual([]);
    expect(mailsTo(away, 'Tournée à reprendre')).toEqual([]);
    // Nobody takes it within RUN_UNTAKEN_ALERT_SECONDS: the coordinators are told.
    await smtp.waitFor(() => mailsTo(scenario.recipient.admin, 'Tournée sans chauffeur').length > 0, 20_000);
    // The worker's next re-plan (with the day's vehicles) does not give it back to the driver who left it.
    const replanned = await worker?.get(ReplanDay, { strict: false }).execute(scenario.recipient.organizationId, scenario.day);
    expect(replanned?.runs.find((candidate) => candidate.id === run.id)?.driverUserId).toBe(available.id);
  });

  it('is only before the run starts; once taken again, the coordinators hear nothing', async () => {
    const [run] = await plan(leaving.id);
    if (run === undefined) throw new Error('one run expected');
    expect(run.driver?.id).toBe(leaving.id);
    const alertsBefore = mailsTo(scenario.recipient.admin, 'Tournée sans chauffeur').length;
    await gqlOk(api, WITHDRAW, { id: run.id }, leaving.accessToken);
    await gqlOk(api, ACCEPT, { id: run.id }, available.accessToken);
    // Past the alert delay, with the worker running: the run was taken, so nobody is told it is not.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(mailsTo(scenario.recipient.admin, 'Tournée sans chauffeur')).toHaveLength(alertsBefore);
    await gqlOk(api, RECORD, { input: { stopId: run.stops[0]?.id, kind: 'ARRIVED' } }, available.accessToken);
    expect((await gql(api, WITHDRAW, { id: run.id }, available.accessToken)).errors?.[0]?.extensions).toMatchObject({
      code: 'ILLEGAL_RUN_TRANSITION',
      field: 'id',
    });
  });
});
