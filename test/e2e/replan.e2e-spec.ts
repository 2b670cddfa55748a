import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { redisOptions, RedisEventBus } from '#jobs';
import { Queue, type ConnectionOptions } from 'bullmq';
import { registerDonor } from '../support/factories/offers.factory';
import { insertDriver } from '../support/factories/runs.factory';
import { gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { wsClient } from '../support/graphql-ws-client';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const HOUR = 3_600_000;
const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const PICKUP_RUNS = `query ($organizationId: ID!, $day: Date!) { pickupRuns(organizationId: $organizationId, day: $day) { ${RUN_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!) { acceptRun(id: $id) { id status } }`;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { id } }`;
const RUN_UPDATED = `subscription ($runId: ID!) { runUpdated(runId: $runId) { id status driver { id } stops { kind claim { id } } } }`;

/** Claims made after a day is planned: the worker re-plans it once for the burst, drivers keep their runs, followers hear of it. */
describe('re-planning a planned day when its claims change', () => {
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let offers: Queue;
  let scenario: RunScenario;
  let driver: TestUser;

  const jobsNamed = async (name: string): Promise<number> =>
    (await offers.getJobs(['completed', 'active', 'waiting', 'delayed'])).filter((job) => job.name === name).length;
  const completed = async (name: string): Promise<number> => (await offers.getJobs(['completed'])).filter((job) => job.name === name).length;

  beforeAll(async () => {
    services = await provideTestServices({ RUNS_REPLAN_DEBOUNCE_SECONDS: '3', BROADCAST_WAIT_SECONDS: '3600' });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    offers = new Queue('offers', { connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions, prefix: services.config.queuePrefix });
    scenario = await claimedDay(api, services.dataSource, [
      { name: 'Halles de Bacalan', latitude: 44.8655, longitude: -0.5523, kg: 40 },
      { name: 'Marché des Chartrons', latitude: 44.8531, longitude: -0.5712, kg: 25 },
    ]);
    driver = await registerUser(api, undefined, 'Inès Chauffeuse');
    await insertDriver(services.dataSource, scenario.recipient.organizationId, { start: '00:00', end: '24:00' }, [], driver.id);
    // The claims made before planning asked for nothing (the day was not planned): let them be handled first.
    await until(async () => ((await completed('runs.day-changed')) >= scenario.claims.length ? true : undefined), 20_000, 'the first claims’ day changes');
  }, 120_000);

  afterAll(async () => {
    await offers?.close();
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
  });

  it('a burst of three claims after planning re-plans the day once: the new pickups find runs, the accepted driver keeps theirs and hears of it', async () => {
    const { planRuns } = await gqlOk<{ planRuns: RunViewOverApi[] }>(
      api,
      PLAN,
      { input: { organizationId: scenario.recipient.organizationId, day: scenario.day, vehicles: [{ capacityKg: 500, refrigerated: true }] } },
      scenario.recipient.admin.accessToken,
    );
    expect(planRuns).toHaveLength(1);
    const run = planRuns[0];
    // Available all day, the driver was given the run by the planner (and accepting it again changes nothing).
    expect(run.driver?.id).toBe(driver.id);
    await gqlOk(api, ACCEPT, { id: run.id }, driver.accessToken);

    const client = wsClient(api.wsUrl, { authorization: `Bearer ${driver.accessToken}` });
    const heard: Array<{ id: string; status: string; driver: { id: string } | null; stops: Array<{ kind: string; claim: { id: string } }> }> = [];
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
        'the subscription to be live',
      );
      const replansBefore = await jobsNamed('runs.replan');
      expect(replansBefore).toBe(0);

      // The lots first (registering donors takes a while), then the burst: three claims back to back.
      const now = Date.now();
      const offerIds: string[] = [];
      for (const [index, location] of [
        { latitude: 44.8412, longitude: -0.5701 },
        { latitude: 44.8308, longitude: -0.5681 },
        { latitude: 44.8431, longitude: -0.5583 },
      ].entries()) {
        const donor = await registerDonor(api, location, `Commerce ${index}`);
        const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
          api,
          CREATE_OFFER,
          {
            input: {
              siteId: donor.siteId,
              title: 'Invendus',
              items: [{ category: 'FOOD.DRY', description: 'Lot', quantityKg: 10 + index, temperature: 'AMBIENT', dateKind: 'NONE' }],
              pickupFrom: new Date(now + HOUR).toISOString(),
              pickupUntil: new Date(now + 6 * HOUR).toISOString(),
            },
          },
          donor.admin.accessToken,
        );
        await gqlOk(api, PUBLISH, { id: createOffer.id }, donor.admin.accessToken);
        offerIds.push(createOffer.id);
      }
      const newClaims: string[] = [];
      for (const offerId of offerIds) {
        const { claimOffer } = await gqlOk<{ claimOffer: { id: string } }>(
          api,
          CLAIM,
          { input: { offerId, organizationId: scenario.recipient.organizationId, idempotencyKey: `replan-${randomUUID()}` } },
          scenario.recipient.admin.accessToken,
        );
        newClaims.push(claimOffer.id);
      }

      const replanned = await until(
        async () => {
          const { pickupRuns } = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
            api,
            PICKUP_RUNS,
            { organizationId: scenario.recipient.organizationId, day: scenario.day },
            scenario.recipient.admin.accessToken,
          );
          const collected = new Set(pickupRuns.flatMap((candidate) => candidate.stops.filter((s) => s.kind === 'COLLECT').map((s) => s.claim.id)));
          return newClaims.every((id) => collected.has(id)) ? pickupRuns : undefined;
        },
        30_000,
        'the re-plan',
      ).catch(async (error: unknown) => {
        const jobs = (await offers.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((job) => job.name.startsWith('runs.'));
        throw new Error(`${String(error)}: ${JSON.stringify(jobs.map((job) => ({ name: job.name, data: job.data as unknown, failed: job.failedReason })))}`);
      });
      expect(replanned.find((candidate) => candidate.id === run.id)?.driver?.id).toBe(driver.id);
      // Once for the burst: three day changes, one re-plan.
      await until(async () => ((await completed('runs.day-changed')) >= scenario.claims.length + 3 ? true : undefined), 10_000, 'the day changes');
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect(await jobsNamed('runs.replan')).toBe(1);
      expect(await completed('runs.replan')).toBe(1);
      // The driver heard of the new route, with the new claims on it and still their run.
      const latest = await until(() => heard.find((event) => newClaims.some((id) => event.stops.some((s) => s.claim.id === id))), 20_000, 'the notice');
      expect(latest).toMatchObject({ id: run.id, status: 'ASSIGNED', driver: { id: driver.id } });
    } finally {
      stop();
      await client.dispose();
    }
  }, 90_000);

  it('a cancelled claim is re-planned out of its run', async () => {
    const { pickupRuns } = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
      api,
      PICKUP_RUNS,
      { organizationId: scenario.recipient.organizationId, day: scenario.day },
      scenario.recipient.admin.accessToken,
    );
    const claimId = scenario.claims[0]?.id ?? '';
    expect(pickupRuns.some((candidate) => candidate.stops.some((s) => s.claim.id === claimId))).toBe(true);
    await gqlOk(api, `mutation ($id: ID!) { cancelClaim(id: $id) { id status } }`, { id: claimId }, scenario.recipient.admin.accessToken);
    await until(
      async () => {
        const now = await gqlOk<{ pickupRuns: RunViewOverApi[] }>(
          api,
          PICKUP_RUNS,
          { organizationId: scenario.recipient.organizationId, day: scenario.day },
          scenario.recipient.admin.accessToken,
        );
        return now.pickupRuns.some((candidate) => candidate.stops.some((s) => s.claim.id === claimId)) ? undefined : true;
      },
      30_000,
      'the cancelled claim to leave the runs',
    );
  });
});
