import type { INestApplicationContext } from '@nestjs/common';
import { parisDayOf } from '#domain';
import { RedisEventBus } from '#jobs';
import type { Client } from 'graphql-ws';
import { insertDriver, insertOpenRun, insertRunDonor, insertRunRecipient, type RunRecipient } from '../support/factories/runs.factory';
import { gqlOk, registerUser, type GraphQLErrorBody, type TestUser } from '../support/graphql-http';
import { wsClient } from '../support/graphql-ws-client';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const WITHDRAW = `mutation ($id: ID!) { withdrawFromRun(id: $id) { id status } }`;
const OPEN_RUN_OFFERED = `subscription ($organizationId: ID!) { openRunOffered(organizationId: $organizationId) { id status driver { id } organization { id } } }`;
const HOUR = 3_600_000;
const BORDEAUX = { latitude: 44.8378, longitude: -0.5792 };
const ALL_DAY = { start: '00:00', end: '24:00' };

interface OfferedRun {
  id: string;
  status: string;
  driver: { id: string } | null;
  organization: { id: string };
}

/** A driver listening for the runs of an organisation given back near their start: what they heard, in order. */
interface Listener {
  readonly heard: OfferedRun[];
  readonly errors: string[];
  readonly heardRun: (runId: string) => boolean;
  readonly close: () => Promise<void>;
}

function listen(api: RunningApi, driver: TestUser, organizationId: string): Listener {
  const client: Client = wsClient(api.wsUrl, { authorization: `Bearer ${driver.accessToken}` });
  const heard: OfferedRun[] = [];
  const errors: string[] = [];
  const stop = client.subscribe<{ openRunOffered: OfferedRun }>(
    { query: OPEN_RUN_OFFERED, variables: { organizationId } },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors.map((error) => String(error.extensions?.['code'])));
        else if (result.data) heard.push(result.data.openRunOffered);
      },
      error: (error) => errors.push(...(Array.isArray(error) ? (error as GraphQLErrorBody[]).map((e) => String(e.extensions?.code)) : [String(error)])),
      complete: () => undefined,
    },
  );
  return {
    heard,
    errors,
    heardRun: (runId) => heard.some((run) => run.id === runId),
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

/**
 * A driver gives a run back close to its start: the drivers its e-mail asks (its organisation's, available for all of
 * it and on no other run then) are told at once by openRunOffered, on whichever API instance they are connected to;
 * nobody else is. "Not told" is proven by order: each of the others hears a later event meant for them, and the
 * withdrawn run is not before it (events reach a subscriber in the order they were published).
 */
describe('openRunOffered: a run given back close to its start, offered live to the drivers who could take it', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let otherInstance: RunningApi;
  let worker: INestApplicationContext | undefined;
  let recipient: RunRecipient;
  let elsewhere: RunRecipient;
  let donor: { organizationId: string; siteId: string };
  let leaving: TestUser;
  let free: TestUser;
  let away: TestUser;
  let busy: TestUser;
  let outsider: TestUser;

  const start = new Date(Date.now() + HOUR);
  const runOf = (of: RunRecipient, driverUserId?: string) =>
    insertOpenRun(services.dataSource, { recipient: of, donor, day: parisDayOf(start), start, driverUserId }).then((run) => run.runId);
  const mailsTo = (user: TestUser) => smtp.messages.filter((mail) => mail.to.includes(user.email) && mail.subject.startsWith('Tournée à reprendre'));

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://glane.test',
      RUN_WITHDRAWAL_NOTICE_HOURS: '24',
      RUN_UNTAKEN_ALERT_SECONDS: '3600',
    });
    [api, otherInstance, worker] = await Promise.all([startApi(services.config), startApi(services.config), startWorker(services.config)]);
    const ds = services.dataSource;
    recipient = await insertRunRecipient(ds, BORDEAUX);
    elsewhere = await insertRunRecipient(ds, BORDEAUX);
    donor = await insertRunDonor(ds, 'Boulangerie des Capucins', { latitude: 44.8311, longitude: -0.5681 });
    [leaving, free, away, busy, outsider] = [
      await registerUser(api),
      await registerUser(api),
      await registerUser(api),
      await registerUser(api),
      await registerUser(api),
    ];
    for (const driver of [leaving, free, busy]) await insertDriver(ds, recipient.organizationId, ALL_DAY, [], driver.id);
    // A driver of the organisation who does not drive that day.
    await insertDriver(ds, recipient.organizationId, null, [], away.id);
    // Free all day, but a driver of another organisation.
    await insertDriver(ds, elsewhere.organizationId, ALL_DAY, [], outsider.id);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), otherInstance?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  it('is refused for an organisation one does not drive for', async () => {
    const intruder = listen(api, free, elsewhere.organizationId);
    try {
      expect(await until(() => intruder.errors[0], 10_000, 'the refusal')).toBe('FORBIDDEN');
      expect(intruder.heard).toEqual([]);
    } finally {
      await intruder.close();
    }
  });

  it('reaches the free driver of the organisation, and neither the one who left it, nor a driver away or busy then, nor another organisation’s', async () => {
    const run = await runOf(recipient, leaving.id);
    // Busy then: on another run of the organisation at the same time.
    await runOf(recipient, busy.id);
    // Open runs the test offers by itself (as the worker would) to the drivers named: the later event each is entitled to.
    const [later, laterElsewhere] = [await runOf(recipient), await runOf(elsewhere)];
    const offer = (runId: string, of: RunRecipient, driverUserIds: string[]) =>
      api.app.get(RedisEventBus).publish('runs.open-offered', { runId, organizationId: of.organizationId, driverUserIds });

    // Two API instances: the drivers are told wherever they are connected.
    const listeners = {
      free: listen(api, free, recipient.organizationId),
      leaving: listen(api, leaving, recipient.organizationId),
      away: listen(otherInstance, away, recipient.organizationId),
      busy: listen(otherInstance, busy, recipient.organizationId),
      outsider: listen(otherInstance, outsider, elsewhere.organizationId),
    };
    try {
      const subscribed = (instance: RunningApi) => instance.app.get(RedisEventBus).subscriberCount('runs.open-offered');
      await until(() => (subscribed(api) === 2 && subscribed(otherInstance) === 3 ? true : undefined), 10_000, 'every subscription');

      const withdrawn = await gqlOk<{ withdrawFromRun: { id: string; status: string } }>(api, WITHDRAW, { id: run }, leaving.accessToken);
      expect(withdrawn.withdrawFromRun).toEqual({ id: run, status: 'PLANNED' });
      // Told by the worker, after the commit, through Redis.
      await until(() => (listeners.free.heardRun(run) ? true : undefined), 20_000, 'the free driver told');
      await offer(
        later,
        recipient,
        [leaving, free, away, busy].map((driver) => driver.id),
      );
      await offer(laterElsewhere, elsewhere, [outsider.id]);
      for (const [name, listener] of Object.entries(listeners)) {
        await until(() => (listener.heardRun(name === 'outsider' ? laterElsewhere : later) ? true : undefined), 10_000, `the later event for ${name}`);
      }

      const heardIds = (listener: Listener) => listener.heard.map((heard) => heard.id);
      expect(heardIds(listeners.free)).toEqual([run, later]);
      expect(listeners.free.heard.find((heard) => heard.id === run)).toEqual({
        id: run,
        status: 'PLANNED',
        driver: null,
        organization: { id: recipient.organizationId },
      });
      for (const name of ['leaving', 'away', 'busy'] as const) expect({ name, heard: heardIds(listeners[name]) }).toEqual({ name, heard: [later] });
      expect(heardIds(listeners.outsider)).toEqual([laterElsewhere]);
      expect(Object.values(listeners).flatMap((listener) => listener.errors)).toEqual([]);
    } finally {
      await Promise.all(Object.values(listeners).map((listener) => listener.close()));
    }

    // The e-mail goes to the same drivers (one job sends them all, so once the free driver's has come, it is done).
    await smtp.waitFor(() => mailsTo(free).length > 0, 20_000);
    expect([leaving, away, busy, outsider].flatMap(mailsTo)).toEqual([]);
  });
});
