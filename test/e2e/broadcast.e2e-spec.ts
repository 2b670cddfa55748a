import type { INestApplicationContext } from '@nestjs/common';
import { addCalendarDays, parisDayOf } from '#domain';
import { RedisEventBus, redisOptions } from '#jobs';
import { broadcastJobId } from '#application';
import type { AppConfig } from '#config';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import type { Client } from 'graphql-ws';
import { insertBroadcastRecipient, type BroadcastRecipient } from '../support/factories/broadcast.factory';
import { insertOffer, KM_PER_DEGREE_LATITUDE } from '../support/factories/matching.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { siretFor } from '../support/legal-ids';
import { verifyAsPlatformAdmin } from '../support/factories/platform-admin.factory';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';

// Long enough for the first circle to land before the second on a busy 2-core machine.
const WAIT_SECONDS = 4;
const CIRCLE_SIZE = 8;
const ELIGIBLE = 20;
const DONOR_SITE = { latitude: 45.75, longitude: 4.85 };

const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ADD_SITE = `mutation ($input: AddSiteInput!) { addSite(input: $input) { id } }`;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id status } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id status } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { status offer { status } } }`;
const OFFER_MATCHES = `query ($offerId: ID!) { offerMatches(offerId: $offerId, first: 50) { recipient { id } score } }`;
const OFFER_MATCHED = `subscription ($organizationId: ID!) {
  offerMatched(organizationId: $organizationId) { offer { id title status } recipient { id name } site { id } distanceKm score reasons }
}`;

interface MatchedEvent {
  offer: { id: string; title: string; status: string };
  recipient: { id: string; name: string };
  site: { id: string };
  distanceKm: number;
  score: number;
  reasons: string[];
}

interface Received {
  readonly organizationId: string;
  readonly event: MatchedEvent;
  readonly at: number;
}

/** Every offerMatched event of many organisations, over one WebSocket, in arrival order. */
function followOrganizations(client: Client, organizationIds: readonly string[]): { received: Received[]; errors: unknown[]; stop: () => void } {
  const received: Received[] = [];
  const errors: unknown[] = [];
  const stops = organizationIds.map((organizationId) =>
    client.subscribe<{ offerMatched: MatchedEvent }>(
      { query: OFFER_MATCHED, variables: { organizationId } },
      {
        next: (result) => {
          if (result.errors) errors.push(result.errors);
          else if (result.data) received.push({ organizationId, event: result.data.offerMatched, at: Date.now() });
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    ),
  );
  return { received, errors, stop: () => stops.forEach((stop) => stop()) };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The notifications queue, and its events to wait on a job with (close both). */
function notificationsQueue(config: AppConfig): { queue: Queue; events: QueueEvents } {
  const connection = (role: 'producer' | 'worker') => redisOptions(config.redisUrl, role) as ConnectionOptions;
  return {
    queue: new Queue('notifications', { connection: connection('producer'), prefix: config.queuePrefix }),
    events: new QueueEvents('notifications', { connection: connection('worker'), prefix: config.queuePrefix }),
  };
}

/** The offer e-mails among what the SMTP server received (people registering here are sent verification links too). */
const offerMails = (messages: readonly ReceivedMail[]): ReceivedMail[] => messages.filter((mail) => mail.subject.startsWith('Nouvelle offre'));

describe('publishing an offer and its broadcast cascade, end to end (API, worker, PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let donorAdmin: TestUser;
  let watcher: TestUser;
  let outsider: TestUser;
  let donorOrganizationId: string;
  let donorSiteId: string;
  let eligible: BroadcastRecipient[];
  let ineligible: Record<'tooFar' | 'noCapacity' | 'wrongCategory' | 'unverified', BroadcastRecipient>;

  const draftOffer = async (title: string): Promise<string> => {
    const now = Date.now();
    const { createOffer } = await gqlOk<{ createOffer: { id: string; status: string } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donorSiteId,
          title,
          items: [
            {
              category: 'FOOD.DAIRY',
              description: 'Yaourts nature, 4 × 125 g',
              quantityKg: 40,
              temperature: 'CHILLED',
              dateKind: 'DLC',
              date: addCalendarDays(parisDayOf(new Date(now)), 7),
            },
          ],
          pickupFrom: new Date(now + 3600_000).toISOString(),
          pickupUntil: new Date(now + 6 * 3600_000).toISOString(),
        },
      },
      donorAdmin.accessToken,
    );
    expect(createOffer.status).toBe('DRAFT');
    return createOffer.id;
  };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://glane.test',
      BROADCAST_CIRCLE_SIZE: String(CIRCLE_SIZE),
      BROADCAST_WAIT_SECONDS: String(WAIT_SECONDS),
    });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    [donorAdmin, watcher, outsider] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);

    const { createOrganization } = await gqlOk<{ createOrganization: { id: string } }>(
      api,
      CREATE_ORGANIZATION,
      { input: { name: 'Primeur des Halles', kind: 'DONOR', legalId: siretFor(Math.floor(Math.random() * 1e12)) } },
      donorAdmin.accessToken,
    );
    donorOrganizationId = createOrganization.id;
    await verifyAsPlatformAdmin(api, donorOrganizationId);
    const { addSite } = await gqlOk<{ addSite: { id: string } }>(
      api,
      ADD_SITE,
      { input: { organizationId: donorOrganizationId, name: 'Halles Paul Bocuse', address: '102 cours Lafayette, 69003 Lyon', location: DONOR_SITE } },
      donorAdmin.accessToken,
    );
    donorSiteId = addSite.id;

    const ds = services.dataSource;
    const north = (km: number) => ({ latitude: DONOR_SITE.latitude + km / KM_PER_DEGREE_LATITUDE, longitude: DONOR_SITE.longitude });
    const profile = { acceptedCategories: ['FOOD'], chilledKg: 200, serviceRadiusKm: 30 };
    eligible = [];
    for (let i = 1; i <= ELIGIBLE; i++) {
      eligible.push(await insertBroadcastRecipient(ds, `e${i}`, north(i), { ...profile, peoplePerWeek: 50 + 10 * i }, { watcherUserId: watcher.id }));
    }
    ineligible = {
      tooFar: await insertBroadcastRecipient(ds, 'far', north(45), profile, { watcherUserId: watcher.id }),
      noCapacity: await insertBroadcastRecipient(ds, 'full', north(2), { ...profile, chilledKg: 0 }, { watcherUserId: watcher.id }),
      wrongCategory: await insertBroadcastRecipient(ds, 'hygiene', north(2), { ...profile, acceptedCategories: ['NON_FOOD'] }, { watcherUserId: watcher.id }),
      unverified: await insertBroadcastRecipient(ds, 'unverified', north(1), profile, { verified: false, watcherUserId: watcher.id }),
    };
  }, 60000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  it('tells the best 8 at once, the next 8 after the wait while nobody claims, then every other eligible recipient, by subscription and e-mail with reasons; never the ineligible', async () => {
    const offerId = await draftOffer('Yaourts et fromages frais');
    const { offerMatches } = await gqlOk<{ offerMatches: { recipient: { id: string }; score: number }[] }>(
      api,
      OFFER_MATCHES,
      { offerId },
      donorAdmin.accessToken,
    );
    const ranked = offerMatches.map((match) => match.recipient.id);
    expect(new Set(ranked)).toEqual(new Set(eligible.map((recipient) => recipient.organizationId)));

    const client = wsClient(api.wsUrl, { authorization: `Bearer ${watcher.accessToken}` });
    const everyone = [...eligible, ...Object.values(ineligible)];
    const feed = followOrganizations(
      client,
      everyone.map((recipient) => recipient.organizationId),
    );
    const { queue, events: queueEvents } = notificationsQueue(services.config);
    try {
      await queueEvents.waitUntilReady();
      // Every subscription is listening on the API before anything is published.
      await waitForSubscribers(services.config, 'offers.matched', 1);
      await until(() => api.app.get(RedisEventBus).subscriberCount('offers.matched') >= everyone.length, 5000, 'the subscriptions');

      const published = await gqlOk<{ publishOffer: { id: string; status: string } }>(api, PUBLISH, { id: offerId }, donorAdmin.accessToken);
      expect(published.publishOffer).toEqual({ id: offerId, status: 'PUBLISHED' });
      const publishedAt = Date.now();

      // Circle 1: the best 8, well before the wait is over.
      await until(() => feed.received.length >= CIRCLE_SIZE, (WAIT_SECONDS - 0.5) * 1000, 'the first circle');
      const first = feed.received.slice(0, CIRCLE_SIZE);
      expect(new Set(first.map((r) => r.organizationId))).toEqual(new Set(ranked.slice(0, CIRCLE_SIZE)));
      for (const { organizationId, event } of first) {
        expect(event.offer).toEqual({ id: offerId, title: 'Yaourts et fromages frais', status: 'PUBLISHED' });
        expect(event.recipient.id).toBe(organizationId);
        expect(event.site.id).toBe(everyone.find((r) => r.organizationId === organizationId)?.siteId);
        expect(event.distanceKm).toBeGreaterThan(0);
        expect(event.reasons.length).toBeGreaterThan(0);
      }

      // Circle 2: the next 8, once the wait is over, since nobody claimed.
      await until(() => feed.received.length >= 2 * CIRCLE_SIZE, (WAIT_SECONDS + 8) * 1000, 'the second circle');
      const second = feed.received.slice(CIRCLE_SIZE, 2 * CIRCLE_SIZE);
      expect(new Set(second.map((r) => r.organizationId))).toEqual(new Set(ranked.slice(CIRCLE_SIZE, 2 * CIRCLE_SIZE)));
      expect(Math.min(...second.map((r) => r.at)) - publishedAt).toBeGreaterThanOrEqual((WAIT_SECONDS - 0.5) * 1000);

      // Circle 3: everyone eligible not told yet.
      await until(() => feed.received.length >= ELIGIBLE, (WAIT_SECONDS + 8) * 1000, 'the last circle');
      expect(new Set(feed.received.slice(2 * CIRCLE_SIZE).map((r) => r.organizationId))).toEqual(new Set(ranked.slice(2 * CIRCLE_SIZE)));

      // One e-mail per eligible recipient, to its admins and staff, French then English, with the reasons.
      const mails = offerMails(await smtp.waitFor((messages) => offerMails(messages).length >= ELIGIBLE, 15000));
      // The cascade is over once the last circle's job has finished without scheduling another.
      const lastCircle = await queue.getJob(broadcastJobId(offerId, 3));
      if (lastCircle === undefined) throw new Error('the last circle was never scheduled');
      if (!(await lastCircle.isCompleted())) await lastCircle.waitUntilFinished(queueEvents, (WAIT_SECONDS + 10) * 1000);
      expect(await queue.getJob(broadcastJobId(offerId, 4))).toBeUndefined();
      expect(feed.errors).toEqual([]);
      expect(feed.received).toHaveLength(ELIGIBLE);
      expect(new Set(feed.received.map((r) => r.organizationId)).size).toBe(ELIGIBLE);
      expect(mails).toHaveLength(ELIGIBLE);
      for (const recipient of eligible) {
        const mail = mails.find((m: ReceivedMail) => m.to.includes(recipient.staffEmail));
        expect(mail).toBeDefined();
        expect([...(mail?.to ?? [])].sort()).toEqual([recipient.staffEmail, watcher.email].sort());
        expect(mail?.subject).toContain('Yaourts et fromages frais');
        const text = mail?.text ?? '';
        expect(text).toContain(recipient.name);
        expect(text).toContain('Primeur des Halles');
        expect(text).toContain('Halles Paul Bocuse');
        expect(text).toContain(`http://glane.test/offers/${offerId}`);
        expect(text.indexOf('Pourquoi cette offre vous correspond')).toBeLessThan(text.indexOf('Why it matches'));
        expect(text).toMatch(/Pourquoi cette offre vous correspond :\n- .+/);
        expect(text).toMatch(/Why it matches:\n- .+/);
        expect(mail?.html).toContain(`href="http://glane.test/offers/${offerId}"`);
      }
      for (const recipient of Object.values(ineligible)) {
        expect(mails.some((m) => m.to.includes(recipient.staffEmail))).toBe(false);
        expect(feed.received.some((r) => r.organizationId === recipient.organizationId)).toBe(false);
      }

      const circles: { circle: number; count: number }[] = await services.dataSource.query(
        'SELECT circle, count(*)::int AS count FROM offer_notifications WHERE offer_id = $1 GROUP BY circle ORDER BY circle',
        [offerId],
      );
      expect(circles).toEqual([
        { circle: 1, count: 8 },
        { circle: 2, count: 8 },
        { circle: 3, count: 4 },
      ]);
      const unsent: { count: number }[] = await services.dataSource.query(
        'SELECT count(*)::int AS count FROM offer_notifications WHERE offer_id = $1 AND email_sent_at IS NULL',
        [offerId],
      );
      expect(unsent[0]?.count).toBe(0);

      // Retries change nothing: the same circles and an e-mail job run again after the cascade, several copies
      // at once. (Writers racing on the same notice, with the contention observed, are in
      // test/integration/offer-notifications-persistence.int-spec.ts.)
      const told = eligible[0]?.organizationId ?? '';
      const copies = [1, 2, 3];
      const jobs = await Promise.all(
        copies.flatMap((copy) => [
          queue.add('offers.broadcast', { offerId, circle: 1 }, { jobId: `again-${copy}-${offerId}-1` }),
          queue.add('offers.broadcast', { offerId, circle: 3 }, { jobId: `again-${copy}-${offerId}-3` }),
          queue.add(
            'notifications.offer-email',
            {
              offerId,
              recipientOrganizationId: told,
              siteId: eligible[0]?.siteId ?? '',
              distanceKm: 1,
              score: 1,
              rank: 1,
              absorbableKg: 40,
              fit: 'WHOLE_LOT',
              circle: 1,
              reasons: [],
            },
            { jobId: `again-email-${copy}-${offerId}` },
          ),
        ]),
      );
      await Promise.all(jobs.map((job) => job.waitUntilFinished(queueEvents, 10000)));
      // An e-mail is sent within its job, and a recipient is told live only when its notice is
      // first recorded: once the jobs are done, no new notice means no new mail and no new event.
      const total: { count: number }[] = await services.dataSource.query('SELECT count(*)::int AS count FROM offer_notifications WHERE offer_id = $1', [
        offerId,
      ]);
      expect(total[0]?.count).toBe(ELIGIBLE);
      expect(offerMails(smtp.messages)).toHaveLength(ELIGIBLE);
      expect(feed.received).toHaveLength(ELIGIBLE);
    } finally {
      feed.stop();
      await Promise.all([client.dispose(), queueEvents.close(), queue.close()]);
    }
  }, 60000);

  it('stops the cascade once part of the offer is claimed through claimOffer: the next circle tells nobody', async () => {
    const offerId = await draftOffer('Beurre doux');
    await gqlOk(api, PUBLISH, { id: offerId }, donorAdmin.accessToken);
    // As soon as the first circle is told, one of its recipients claims.
    let told: { recipient_organization_id: string }[] = [];
    const deadline = Date.now() + 10000;
    while (told.length === 0) {
      if (Date.now() > deadline) throw new Error('the first circle was never told');
      await sleep(25);
      told = await services.dataSource.query('SELECT recipient_organization_id FROM offer_notifications WHERE offer_id = $1 ORDER BY rank LIMIT 1', [offerId]);
    }
    const items: { id: string }[] = await services.dataSource.query('SELECT id FROM offer_items WHERE offer_id = $1', [offerId]);
    // The watcher is an ADMIN of every recipient: it claims 10 kg for the best one, as that recipient would.
    const claimed = await gqlOk<{ claimOffer: { status: string; offer: { status: string } } }>(
      api,
      CLAIM,
      {
        input: {
          offerId,
          organizationId: told[0]?.recipient_organization_id,
          lines: [{ itemId: items[0]?.id, quantityKg: 10 }],
          idempotencyKey: `cascade-${offerId}`,
        },
      },
      watcher.accessToken,
    );
    expect(claimed.claimOffer).toEqual({ status: 'CONFIRMED', offer: { status: 'PARTIALLY_CLAIMED' } });
    // The circles told so far (on a loaded machine the second may have run before the claim).
    const circlesAt = async (): Promise<{ circle: number; count: number }[]> =>
      services.dataSource.query('SELECT circle, count(*)::int AS count FROM offer_notifications WHERE offer_id = $1 GROUP BY circle ORDER BY circle', [
        offerId,
      ]);
    const toldBefore = await circlesAt();
    const nextCircle = (toldBefore.at(-1)?.circle ?? 0) + 1;
    expect(nextCircle).toBeLessThanOrEqual(3);

    // The next circle's job runs once its wait is over: wait for it to finish, then look.
    const { queue, events } = notificationsQueue(services.config);
    try {
      await events.waitUntilReady();
      const deadline = Date.now() + 10000;
      let job = await queue.getJob(broadcastJobId(offerId, nextCircle));
      while (job === undefined) {
        if (Date.now() > deadline) throw new Error(`circle ${nextCircle} was never scheduled`);
        await sleep(50);
        job = await queue.getJob(broadcastJobId(offerId, nextCircle));
      }
      if (!(await job.isCompleted())) await job.waitUntilFinished(events, (WAIT_SECONDS + 10) * 1000);
    } finally {
      await Promise.all([events.close(), queue.close()]);
    }
    expect(await circlesAt()).toEqual(toldBefore);
  });

  it('refuses a publish by someone who is not the donor’s admin or staff, and by nobody at all', async () => {
    const offerId = await draftOffer('Fromages affinés');
    const forbidden = await gql(api, PUBLISH, { id: offerId }, outsider.accessToken);
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const anonymous = await gql(api, PUBLISH, { id: offerId });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const rows: { status: string }[] = await services.dataSource.query('SELECT status FROM offers WHERE id = $1', [offerId]);
    expect(rows[0]?.status).toBe('DRAFT');
  });

  it('refuses to publish an offer whose DLC has passed since it was drafted, naming the item, and changes nothing', async () => {
    const now = Date.now();
    const { offerId } = await insertOffer(services.dataSource, {
      donorOrganizationId,
      siteId: donorSiteId,
      ...DONOR_SITE,
      status: 'DRAFT',
      pickupFrom: new Date(now + 3600_000),
      pickupUntil: new Date(now + 5 * 3600_000),
      items: [
        { category: 'FOOD.DRY', kg: 5, dateKind: 'NONE' },
        { category: 'FOOD.DAIRY', kg: 10, temperature: 'CHILLED', dateKind: 'DLC', date: addCalendarDays(parisDayOf(new Date(now)), -1) },
      ],
    });
    const refused = await gql(api, PUBLISH, { id: offerId }, donorAdmin.accessToken);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DLC_EXPIRED', field: 'items.1.date' });
    const rows: { status: string; version: number }[] = await services.dataSource.query('SELECT status, version FROM offers WHERE id = $1', [offerId]);
    expect(rows[0]).toEqual({ status: 'DRAFT', version: 1 });
    const outbox: { count: number }[] = await services.dataSource.query(
      "SELECT count(*)::int AS count FROM outbox_jobs WHERE name = 'offers.broadcast' AND payload->>'offerId' = $1",
      [offerId],
    );
    expect(outbox[0]?.count).toBe(0);
  });
  it('publishes an offer once: a second publish is an illegal transition, an unknown id is not found', async () => {
    const offerId = await draftOffer('Pain de la veille');
    await gqlOk(api, PUBLISH, { id: offerId }, donorAdmin.accessToken);
    const again = await gql(api, PUBLISH, { id: offerId }, donorAdmin.accessToken);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_OFFER_TRANSITION', field: 'id' });
    const unknown = await gql(api, PUBLISH, { id: '00000000-0000-4000-8000-000000000000' }, donorAdmin.accessToken);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const outbox: { count: number }[] = await services.dataSource.query(
      "SELECT count(*)::int AS count FROM outbox_jobs WHERE name = 'offers.broadcast' AND payload->>'offerId' = $1 AND payload->>'circle' = '1'",
      [offerId],
    );
    expect(outbox[0]?.count).toBe(1);
  });
});
