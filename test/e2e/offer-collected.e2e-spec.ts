import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { MemberRole } from '#domain';
import { RedisEventBus } from '#jobs';
import type { Client } from 'graphql-ws';
import { waitForLockWaiters } from '../support/contention';
import { registerDonor, type ApiDonor } from '../support/factories/offers.factory';
import { insertRecipient } from '../support/factories/matching.factory';
import { insertMembership } from '../support/factories/people.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { wsClient } from '../support/graphql-ws-client';
import { RUN_FIELDS, type RunViewOverApi } from '../support/run-scenario';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const HOUR = 3_600_000;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id items { id } } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { id pickupDay } }`;
const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!) { acceptRun(id: $id) { id status } }`;
const RECORD = `mutation ($input: StopEventInput!) { recordStopEvent(input: $input) { id claim { id status } } }`;
const OFFER = `query ($id: ID!) { offer(id: $id) { status remainingKg } }`;
const OFFER_CHANGED = `subscription ($offerId: ID!) { offerChanged(offerId: $offerId) { id status claims { id status } } }`;

interface Recipient {
  readonly organizationId: string;
  readonly admin: TestUser;
  readonly driver: TestUser;
}

interface OfferChangedView {
  id: string;
  status: string;
  claims: Array<{ id: string; status: string }>;
}

function followOffer(client: Client, offerId: string): { events: OfferChangedView[]; errors: unknown[]; stop: () => void } {
  const events: OfferChangedView[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ offerChanged: OfferChangedView }>(
    { query: OFFER_CHANGED, variables: { offerId } },
    {
      next: (result) => (result.errors ? errors.push(result.errors) : result.data && events.push(result.data.offerChanged)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

/**
 * Offers follow their goods (docs/domain-rules.md, Offers follow their goods): a lot shared by two
 * recipients, each collected on its own run, becomes COLLECTED when the second of them is, even when
 * both drivers record at the same moment; a lot still open to claims stays open.
 */
describe('offers follow their goods, end to end', () => {
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let donor: ApiDonor;
  let first: Recipient;
  let second: Recipient;
  /** Claimed by both recipients, all of it. */
  let shared: { id: string; claims: string[] };
  /** Half claimed by the first recipient. */
  let half: { id: string; claim: string };
  const runs = new Map<string, RunViewOverApi>();

  async function aRecipient(latitude: number, longitude: number): Promise<Recipient> {
    const { organizationId } = await insertRecipient(services.dataSource, { latitude, longitude }, { ambientKg: 5000 });
    const admin = await registerUser(api, undefined, 'Coordinatrice');
    await insertMembership(services.dataSource, organizationId, admin.id, MemberRole.ADMIN);
    const driver = await registerUser(api, undefined, 'Chauffeur');
    await insertMembership(services.dataSource, organizationId, driver.id, MemberRole.DRIVER);
    return { organizationId, admin, driver };
  }

  async function publishedOffer(kg: number): Promise<{ id: string; itemId: string }> {
    const now = Date.now();
    const { createOffer } = await gqlOk<{ createOffer: { id: string; items: Array<{ id: string }> } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: 'Épicerie sèche',
          items: [{ category: 'FOOD.DRY', description: 'Conserves', quantityKg: kg, temperature: 'AMBIENT', dateKind: 'NONE' }],
          pickupFrom: new Date(now + HOUR).toISOString(),
          pickupUntil: new Date(now + 6 * HOUR).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    await gqlOk(api, PUBLISH, { id: createOffer.id }, donor.admin.accessToken);
    return { id: createOffer.id, itemId: createOffer.items[0]?.id ?? '' };
  }

  async function claim(
    recipient: Recipient,
    offerId: string,
    lines?: Array<{ itemId: string; quantityKg: number }>,
  ): Promise<{ id: string; pickupDay: string }> {
    const { claimOffer } = await gqlOk<{ claimOffer: { id: string; pickupDay: string } }>(
      api,
      CLAIM,
      { input: { offerId, organizationId: recipient.organizationId, idempotencyKey: `collected-${randomUUID()}`, ...(lines === undefined ? {} : { lines }) } },
      recipient.admin.accessToken,
    );
    return claimOffer;
  }

  async function planAndAccept(recipient: Recipient, day: string): Promise<void> {
    const { planRuns } = await gqlOk<{ planRuns: RunViewOverApi[] }>(
      api,
      PLAN,
      { input: { organizationId: recipient.organizationId, day, vehicles: [{ capacityKg: 500, refrigerated: false }] } },
      recipient.admin.accessToken,
    );
    expect(planRuns).toHaveLength(1);
    const run = planRuns[0];
    await gqlOk(api, ACCEPT, { id: run.id }, recipient.driver.accessToken);
    runs.set(recipient.organizationId, run);
  }

  const collectStopOf = (recipient: Recipient, claimId: string): string => {
    const stop = runs.get(recipient.organizationId)?.stops.find((candidate) => candidate.kind === 'COLLECT' && candidate.claim.id === claimId);
    if (stop === undefined) throw new Error(`no collection of claim ${claimId}`);
    return stop.id;
  };
  const collect = (recipient: Recipient, claimId: string, quantityKg: number) =>
    gql<{ recordStopEvent: { claim: { status: string } } }>(
      api,
      RECORD,
      { input: { stopId: collectStopOf(recipient, claimId), kind: 'COLLECTED', quantityKg } },
      recipient.driver.accessToken,
    );
  const offerStatus = async (offerId: string) =>
    (await gqlOk<{ offer: { status: string; remainingKg: number } }>(api, OFFER, { id: offerId }, donor.admin.accessToken)).offer;

  beforeAll(async () => {
    services = await provideTestServices({ BROADCAST_WAIT_SECONDS: '3600' });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    donor = await registerDonor(api, { latitude: 44.8412, longitude: -0.5701 }, 'Grossiste des Capucins');
    first = await aRecipient(44.8378, -0.5792);
    second = await aRecipient(44.845, -0.575);
    const sharedOffer = await publishedOffer(30);
    const halfOffer = await publishedOffer(20);
    const firstShare = await claim(first, sharedOffer.id, [{ itemId: sharedOffer.itemId, quantityKg: 10 }]);
    const secondShare = await claim(second, sharedOffer.id);
    const firstHalf = await claim(first, halfOffer.id, [{ itemId: halfOffer.itemId, quantityKg: 10 }]);
    shared = { id: sharedOffer.id, claims: [firstShare.id, secondShare.id] };
    half = { id: halfOffer.id, claim: firstHalf.id };
    await planAndAccept(first, firstShare.pickupDay);
    await planAndAccept(second, secondShare.pickupDay);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
  });

  it('leaves an offer open to claims as it is when the claims on it so far are collected', async () => {
    expect(await offerStatus(half.id)).toEqual({ status: 'PARTIALLY_CLAIMED', remainingKg: 10 });
    expect((await collect(first, half.claim, 10)).errors).toBeUndefined();
    // Its window is open and 10 kg remain: others may still claim them.
    expect(await offerStatus(half.id)).toEqual({ status: 'PARTIALLY_CLAIMED', remainingKg: 10 });
  });

  it('moves a lot shared by two recipients to COLLECTED once, when both drivers record its collection at the same moment, and tells its followers', async () => {
    const ds = services.dataSource;
    expect((await offerStatus(shared.id)).status).toBe('CLAIMED');
    const client = wsClient(api.wsUrl, { authorization: `Bearer ${donor.admin.accessToken}` });
    const feed = followOffer(client, shared.id);
    const barrier = ds.createQueryRunner();
    try {
      // Live once a first notice has come through.
      await until(
        () => {
          void api.app.get(RedisEventBus).publish('offers.changed', { offerId: shared.id });
          return feed.events.length > 0 ? true : undefined;
        },
        10_000,
        'the subscription to be live',
      );
      const [before] = await ds.query<Array<{ version: number }>>('SELECT version FROM offers WHERE id = $1', [shared.id]);

      // Both stop events reach the offer's row while the test holds it: they really meet there.
      await barrier.connect();
      await barrier.startTransaction();
      await barrier.query('SELECT id FROM offers WHERE id = $1 FOR UPDATE', [shared.id]);
      const [firstClaim, secondClaim] = shared.claims;
      const both = Promise.all([collect(first, firstClaim ?? '', 10), collect(second, secondClaim ?? '', 20)]);
      await waitForLockWaiters(ds, 2, 'the two collections of the shared lot');
      await barrier.commitTransaction();
      const answers = await both;
      expect(answers.map((answer) => [answer.errors, answer.data?.recordStopEvent.claim.status])).toEqual([
        [undefined, 'COLLECTED'],
        [undefined, 'COLLECTED'],
      ]);

      // COLLECTED, by the second of them: each wrote the offer once (one after the other, no conflict),
      // and the status changed when the later one committed, not before.
      const [after] = await ds.query<Array<{ status: string; version: number; status_changed_at: Date }>>(
        'SELECT status, version, status_changed_at FROM offers WHERE id = $1',
        [shared.id],
      );
      const collections = await ds.query<Array<{ at: Date }>>(
        `SELECT e.at FROM run_stop_events e JOIN run_stops s ON s.id = e.stop_id WHERE s.claim_id = ANY($1::uuid[]) AND e.kind = 'COLLECTED' ORDER BY e.at`,
        [shared.claims],
      );
      expect(after).toMatchObject({ status: 'COLLECTED', version: (before?.version ?? 0) + 2 });
      expect(collections).toHaveLength(2);
      expect(after?.status_changed_at.getTime()).toBe(collections[1]?.at.getTime());
      expect(collections[0]?.at.getTime()).toBeLessThanOrEqual(collections[1]?.at.getTime() ?? 0);

      const heard = await until(() => feed.events.find((event) => event.status === 'COLLECTED'), 20_000, 'the offer heard COLLECTED');
      expect(heard.claims.map((candidate) => candidate.status)).toEqual(['COLLECTED', 'COLLECTED']);
      expect(feed.errors).toEqual([]);
    } finally {
      if (barrier.isTransactionActive) await barrier.rollbackTransaction();
      await barrier.release();
      feed.stop();
      await client.dispose();
    }

    // Nobody may claim it any more, and it is nobody's to offer.
    const late = await gql(
      api,
      CLAIM,
      { input: { offerId: shared.id, organizationId: first.organizationId, idempotencyKey: `late-${randomUUID()}` } },
      first.admin.accessToken,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'OFFER_NOT_OPEN', field: 'offerId', params: { status: 'COLLECTED' } });
  });
});
