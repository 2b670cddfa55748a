import type { INestApplicationContext } from '@nestjs/common';
import { MemberRole } from '#domain';
import { RedisEventBus } from '#jobs';
import type { Client } from 'graphql-ws';
import { insertRecipient } from '../support/factories/matching.factory';
import { insertMembership } from '../support/factories/people.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { wsClient } from '../support/graphql-ws-client';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!) { acceptRun(id: $id) { id status } }`;
const RECORD = `mutation ($input: StopEventInput!) {
  recordStopEvent(input: $input) { id kind done temperatureOutOfLimit claim { id status totalKg } events { kind quantityKg temperatureC note temperatureOutOfLimit } }
}`;
const RUN_UPDATED = `subscription ($runId: ID!) { runUpdated(runId: $runId) { id status stops { id kind done events { kind } } } }`;

interface Followed {
  id: string;
  status: string;
  stops: Array<{ id: string; kind: string; done: boolean; events: Array<{ kind: string }> }>;
}

interface RecordedStop {
  id: string;
  kind: string;
  done: boolean;
  temperatureOutOfLimit: boolean;
  claim: { id: string; status: string; totalKg: number };
  events: Array<{ kind: string; quantityKg: number | null; temperatureC: number | null; note: string | null; temperatureOutOfLimit: boolean }>;
}

function follow(client: Client, runId: string): { events: Followed[]; errors: unknown[]; stop: () => void } {
  const events: Followed[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ runUpdated: Followed }>(
    { query: RUN_UPDATED, variables: { runId } },
    {
      next: (result) => (result.errors ? errors.push(result.errors) : result.data && events.push(result.data.runUpdated)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

const eventCount = (run: Followed) => run.stops.reduce((sum, stop) => sum + stop.events.length, 0);

/** A driver follows their run over WebSocket and records each stop; claims, trace, e-mails and counts follow. */
describe('stop events end to end', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let scenario: RunScenario;
  let driver: TestUser;
  let stranger: TestUser;
  let run: RunViewOverApi;

  const record = (input: Record<string, unknown>, token = driver.accessToken) => gql<{ recordStopEvent: RecordedStop }>(api, RECORD, { input }, token);
  const stopOf = (kind: 'COLLECT' | 'DELIVER', donorIndex: number) => {
    const claimId = scenario.claims[donorIndex]?.id;
    const stop = run.stops.find((candidate) => candidate.kind === kind && candidate.claim.id === claimId);
    if (stop === undefined) throw new Error(`no ${kind} stop for donor #${donorIndex}`);
    return stop.id;
  };
  const writes = async () =>
    services.dataSource.query<Array<{ events: number; traces: number; statuses: string }>>(
      `SELECT (SELECT count(*)::int FROM run_stop_events) AS events, (SELECT count(*)::int FROM trace_events) AS traces,
              (SELECT string_agg(status || ':' || total_kg, ',' ORDER BY id) FROM claims) AS statuses`,
    );

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://glane.test',
      BROADCAST_WAIT_SECONDS: '3600',
      STOP_KG_TOLERANCE_PERCENT: '10',
    });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    scenario = await claimedDay(api, services.dataSource, [
      { name: 'Épicerie fine Saint-Pierre', latitude: 44.8412, longitude: -0.5701, kg: 40 },
      { name: 'Crèmerie des Capucins', latitude: 44.8308, longitude: -0.5681, kg: 20, temperature: 'CHILLED' },
      { name: 'Primeur de la Bastide', latitude: 44.8431, longitude: -0.5583, kg: 30 },
    ]);
    driver = await registerUser(api, undefined, 'Yanis Chauffeur');
    await insertMembership(services.dataSource, scenario.recipient.organizationId, driver.id, MemberRole.DRIVER);
    stranger = await registerUser(api);
    const elsewhere = await insertRecipient(services.dataSource, { latitude: 44.84, longitude: -0.57 });
    await insertMembership(services.dataSource, elsewhere.organizationId, stranger.id, MemberRole.ADMIN);
    const { planRuns } = await gqlOk<{ planRuns: RunViewOverApi[] }>(
      api,
      PLAN,
      { input: { organizationId: scenario.recipient.organizationId, day: scenario.day, vehicles: [{ capacityKg: 200, refrigerated: true }] } },
      scenario.recipient.admin.accessToken,
    );
    expect(planRuns).toHaveLength(1);
    run = planRuns[0];
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  it('refuses bad input with a coded error naming the field, and writes nothing', async () => {
    const collectA = stopOf('COLLECT', 0);
    // No driver yet.
    expect((await record({ stopId: collectA, kind: 'ARRIVED' }, scenario.recipient.admin.accessToken)).errors?.[0]?.extensions).toMatchObject({
      code: 'RUN_HAS_NO_DRIVER',
      field: 'stopId',
    });
    await gqlOk(api, ACCEPT, { id: run.id }, driver.accessToken);
    const before = await writes();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ stopId: stopOf('DELIVER', 0), kind: 'DELIVERED', quantityKg: 40 }, 'STOP_EVENT_OUT_OF_ORDER', 'kind'],
      [{ stopId: collectA, kind: 'COLLECTED', quantityKg: 44.5 }, 'QUANTITY_ABOVE_CLAIMED', 'quantityKg'],
      [{ stopId: collectA, kind: 'COLLECTED', quantityKg: 40, temperatureC: -41 }, 'TEMPERATURE_OUT_OF_RANGE', 'temperatureC'],
      [{ stopId: collectA, kind: 'COLLECTED', quantityKg: 40, temperatureC: 61 }, 'TEMPERATURE_OUT_OF_RANGE', 'temperatureC'],
      [{ stopId: collectA, kind: 'COLLECTED' }, 'STOP_QUANTITY_REQUIRED', 'quantityKg'],
      [{ stopId: collectA, kind: 'DELIVERED', quantityKg: 40 }, 'STOP_EVENT_NOT_FOR_STOP', 'kind'],
      [{ stopId: collectA, kind: 'REFUSED', note: 'sale' }, 'INVALID_REFUSAL_REASON', 'note'],
      [{ stopId: stopOf('COLLECT', 1), kind: 'COLLECTED', quantityKg: 20 }, 'TEMPERATURE_REQUIRED', 'temperatureC'],
    ];
    for (const [input, code, field] of cases) {
      const answer = await record(input);
      expect({ input, error: answer.errors?.[0]?.extensions }).toEqual({ input, error: expect.objectContaining({ code, field }) });
      expect(answer.errors?.[0]?.message).not.toMatch(/SELECT|INSERT|at .*\.ts/);
    }
    expect((await record({ stopId: collectA, kind: 'ARRIVED' }, stranger.accessToken)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'stopId',
    });
    expect(await writes()).toEqual(before);
    // Each once.
    expect((await record({ stopId: collectA, kind: 'ARRIVED' })).errors).toBeUndefined();
    expect((await record({ stopId: collectA, kind: 'ARRIVED' })).errors?.[0]?.extensions).toMatchObject({ code: 'STOP_EVENT_ALREADY_RECORDED', field: 'kind' });
  });

  it('a driver following the run over WebSocket receives every event, in order, until the run is completed; claims and trace follow', async () => {
    const client = wsClient(api.wsUrl, { authorization: `Bearer ${driver.accessToken}` });
    const feed = follow(client, run.id);
    try {
      // Live once a first notice (of the ARRIVED already recorded) has come through.
      const heard = async (count: number) =>
        until(() => feed.events.find((event) => eventCount(event) === count), 20_000, `the notice with ${count} event(s)`).catch((error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(feed)}`);
        });
      await until(
        () => {
          void api.app.get(RedisEventBus).publish('runs.changed', { runId: run.id });
          return feed.events.length > 0 ? true : undefined;
        },
        10_000,
        'the subscription to be live',
      );
      const steps: Array<[Record<string, unknown>, (stop: RecordedStop) => void]> = [
        [
          { stopId: stopOf('COLLECT', 0), kind: 'COLLECTED', quantityKg: 38.5, temperatureC: 14 },
          (stop) => expect(stop.claim).toMatchObject({ status: 'COLLECTED', totalKg: 38.5 }),
        ],
        [
          { stopId: stopOf('COLLECT', 1), kind: 'COLLECTED', quantityKg: 20, temperatureC: 9.5 },
          (stop) =>
            expect(stop).toMatchObject({ temperatureOutOfLimit: true, events: [{ kind: 'COLLECTED', temperatureC: 9.5, temperatureOutOfLimit: true }] }),
        ],
        [{ stopId: stopOf('COLLECT', 2), kind: 'NO_SHOW' }, (stop) => expect(stop.claim.status).toBe('CANCELLED')],
        // Everything collected is accepted (less would be a partial refusal: partial-refusal.e2e-spec.ts).
        [
          { stopId: stopOf('DELIVER', 0), kind: 'DELIVERED', quantityKg: 38.5 },
          (stop) => expect(stop.claim).toMatchObject({ status: 'DELIVERED', totalKg: 38.5 }),
        ],
        [
          { stopId: stopOf('DELIVER', 1), kind: 'REFUSED', note: 'TEMPERATURE: 10 °C au thermomètre de la chambre froide', temperatureC: 10 },
          (stop) => expect(stop).toMatchObject({ done: true, claim: { status: 'REFUSED' } }),
        ],
      ];
      for (const [index, [input, check]] of steps.entries()) {
        const answer = await record(input);
        expect(answer.errors).toBeUndefined();
        check(answer.data?.recordStopEvent as RecordedStop);
        // Before the next event: the notice of this one (the ARRIVED of the first test is event 1).
        await heard(index + 2);
      }
      const last = await until(() => feed.events.find((event) => event.status === 'COMPLETED'), 20_000, 'the run completed');
      expect(last.stops.every((stop) => stop.done)).toBe(true);
      const counts = feed.events.map(eventCount);
      // Never back in time, and each of the five events seen as it came (1 is the ARRIVED the subscription started with).
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      for (const n of [1, 2, 3, 4, 5, 6]) expect(counts).toContain(n);
      expect(feed.errors).toEqual([]);
    } finally {
      feed.stop();
      await client.dispose();
    }

    const [a, b, c] = scenario.claims;
    const trace = await services.dataSource.query<Array<{ kind: string; kg: string; temperature_c: string | null }>>(
      'SELECT kind, kg, temperature_c FROM trace_events WHERE claim_id = $1 ORDER BY seq',
      [a?.id],
    );
    expect(trace).toEqual([
      { kind: 'CLAIMED', kg: '40.000', temperature_c: null },
      { kind: 'STOP_ARRIVED', kg: '0.000', temperature_c: null },
      { kind: 'COLLECTED', kg: '38.500', temperature_c: '14.0' },
      { kind: 'DELIVERED', kg: '38.500', temperature_c: null },
    ]);
    // The kilos actually moved count: what the recipient holds that day is what was delivered.
    const [held] = await services.dataSource.query<Array<{ kg: string }>>(
      'SELECT sum(total_kg)::text AS kg FROM claims_holding_goods WHERE recipient_organization_id = $1 AND pickup_day = $2',
      [scenario.recipient.organizationId, scenario.day],
    );
    expect(held?.kg).toBe('38.500');
    expect(await services.dataSource.query('SELECT status, refusal_reason, refusal_note FROM claims WHERE id = $1', [b?.id])).toEqual([
      { status: 'REFUSED', refusal_reason: 'TEMPERATURE', refusal_note: '10 °C au thermomètre de la chambre froide' },
    ]);
    // The offers follow their goods: the first two left the donors' sites, every claim on them collected.
    expect(
      await services.dataSource.query('SELECT o.status FROM claims c JOIN offers o ON o.id = c.offer_id WHERE c.id = ANY($1::uuid[]) ORDER BY c.created_at', [
        [a?.id, b?.id],
      ]),
    ).toEqual([{ status: 'COLLECTED' }, { status: 'COLLECTED' }]);
    // Nobody at the third donor's: the claim is cancelled and its kilos are on offer again.
    expect(
      await services.dataSource.query('SELECT c.cancelled_by, o.status, o.remaining_kg FROM claims c JOIN offers o ON o.id = c.offer_id WHERE c.id = $1', [
        c?.id,
      ]),
    ).toEqual([{ cancelled_by: 'NO_SHOW', status: 'PUBLISHED', remaining_kg: '30.000' }]);
    // No-shows, counted per driver and per organisation.
    expect(
      await services.dataSource.query(
        'SELECT driver_user_id, run_organization_id, stop_organization_id, count(*)::int AS n FROM run_no_shows GROUP BY 1, 2, 3',
      ),
    ).toEqual([{ driver_user_id: driver.id, run_organization_id: scenario.recipient.organizationId, stop_organization_id: c?.donor.organizationId, n: 1 }]);
    // The refusal goes back to the donor.
    const donorB = b?.donor.admin.email ?? '';
    const mails = await smtp.waitFor((messages) => messages.some((mail) => mail.to.includes(donorB) && mail.subject.startsWith('Don refusé')), 20_000);
    const mail = mails.find((candidate) => candidate.to.includes(donorB) && candidate.subject.startsWith('Don refusé'));
    expect(mail?.text).toContain('Motif : température hors limite (10 °C au thermomètre de la chambre froide).');
    expect(mail?.text).toContain('Température relevée : 10 °C.');
    expect(mail?.text).toContain('Reason: temperature out of its limit');
    // Nothing more once completed.
    expect((await record({ stopId: stopOf('DELIVER', 2), kind: 'ARRIVED' })).errors?.[0]?.extensions).toMatchObject({ code: 'RUN_NOT_OPEN' });
  });
});
