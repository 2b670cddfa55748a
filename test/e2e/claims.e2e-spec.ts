import type { INestApplicationContext } from '@nestjs/common';
import { MemberRole } from '#domain';
import type { Client } from 'graphql-ws';
import { registerDonor, type ApiDonor } from '../support/factories/offers.factory';
import { insertRecipient } from '../support/factories/matching.factory';
import { insertMembership } from '../support/factories/people.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

const HOUR = 3_600_000;
const DONOR_SITE = { latitude: 48.8566, longitude: 2.3522 };
const CLAIM_FIELDS = 'id status totalKg pickupDay recipient { id } offer { id status remainingKg } lines { quantityKg item { id remainingKg } }';
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id items { id } } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id status } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { ${CLAIM_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String) { cancelClaim(id: $id, reason: $reason) { ${CLAIM_FIELDS} } }`;
const CLAIMS = `query ($organizationId: ID!, $first: Int, $after: String) {
  claims(organizationId: $organizationId, first: $first, after: $after) { edges { cursor node { id status offer { id } } } pageInfo { hasNextPage endCursor } }
}`;
const OFFER_CLAIMS = `query ($id: ID!) { offer(id: $id) { id status claims { id recipient { id } } } }`;
const OFFER_CHANGED = `subscription ($offerId: ID!) { offerChanged(offerId: $offerId) { id status remainingKg claims { id status } } }`;

interface ClaimView {
  id: string;
  status: string;
  totalKg: number;
  pickupDay: string;
  recipient: { id: string };
  offer: { id: string; status: string; remainingKg: number };
  lines: Array<{ quantityKg: number; item: { id: string; remainingKg: number } }>;
}

interface OfferChangedView {
  id: string;
  status: string;
  remainingKg: number;
  claims: Array<{ id: string; status: string }>;
}

/** Every offerChanged event of one offer, in arrival order. */
function follow(client: Client, offerId: string): { events: OfferChangedView[]; errors: unknown[]; stop: () => void } {
  const events: OfferChangedView[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ offerChanged: OfferChangedView }>(
    { query: OFFER_CHANGED, variables: { offerId } },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else if (result.data) events.push(result.data.offerChanged);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

describe('claims end to end: GraphQL, worker, PostgreSQL, Redis, SMTP', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let donor: ApiDonor;
  let recipient: { organizationId: string; siteId: string; admin: TestUser; driver: TestUser };
  let otherRecipient: { organizationId: string; admin: TestUser };

  async function aRecipient(): Promise<{ organizationId: string; siteId: string; admin: TestUser }> {
    const { organizationId, siteId } = await insertRecipient(services.dataSource, { latitude: DONOR_SITE.latitude + 0.02, longitude: DONOR_SITE.longitude });
    const admin = await registerUser(api);
    await insertMembership(services.dataSource, organizationId, admin.id, MemberRole.ADMIN);
    return { organizationId, siteId, admin };
  }

  async function publishedOffer(items = [{ kg: 20 }, { kg: 5 }]): Promise<{ id: string; itemIds: string[] }> {
    const now = Date.now();
    const { createOffer } = await gqlOk<{ createOffer: { id: string; items: Array<{ id: string }> } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: 'Épicerie sèche',
          items: items.map((item, index) => ({
            category: 'FOOD.DRY.PASTA_RICE',
            description: `Pâtes ${index}`,
            quantityKg: item.kg,
            temperature: 'AMBIENT',
            dateKind: 'NONE',
            gtin: '3017620422003',
            lotNumber: `L-${index}`,
          })),
          pickupFrom: new Date(now + HOUR).toISOString(),
          pickupUntil: new Date(now + 6 * HOUR).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    await gqlOk(api, PUBLISH, { id: createOffer.id }, donor.admin.accessToken);
    return { id: createOffer.id, itemIds: createOffer.items.map((item) => item.id) };
  }

  const claim = (offerId: string, key: string, lines?: Array<{ itemId: string; quantityKg: number }>, who = recipient) =>
    gql<{ claimOffer: ClaimView }>(api, CLAIM, { input: { offerId, organizationId: who.organizationId, idempotencyKey: key, lines } }, who.admin.accessToken);

  const pickupStatuses = async (claimIds: readonly string[]): Promise<string[]> =>
    (await services.dataSource.query<Array<{ status: string }>>('SELECT status FROM pickups WHERE claim_id = ANY($1) ORDER BY claim_id', [claimIds])).map(
      (row) => row.status,
    );

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://glane.test', BROADCAST_WAIT_SECONDS: '3600' });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    donor = await registerDonor(api, DONOR_SITE, 'Épicerie du Marais');
    const own = await aRecipient();
    const driver = await registerUser(api);
    await insertMembership(services.dataSource, own.organizationId, driver.id, MemberRole.DRIVER);
    recipient = { ...own, driver };
    otherRecipient = await aRecipient();
  }, 60000);

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  it('a recipient claims over GraphQL: the donor is told live and by e-mail, the pickup is queued, the trace is written', async () => {
    const offer = await publishedOffer();
    const donorClient = wsClient(api.wsUrl, { authorization: `Bearer ${donor.admin.accessToken}` });
    const feed = follow(donorClient, offer.id);
    try {
      await waitForSubscribers(services.config, 'offers.changed', 1);
      const mailsBefore = smtp.messages.length;
      const response = await claim(offer.id, 'e2e-claim-0001', [{ itemId: offer.itemIds[0] ?? '', quantityKg: 7.5 }]);
      expect(response.errors).toBeUndefined();
      const made = response.data?.claimOffer;
      expect(made).toMatchObject({
        status: 'CONFIRMED',
        totalKg: 7.5,
        recipient: { id: recipient.organizationId },
        offer: { id: offer.id, status: 'PARTIALLY_CLAIMED', remainingKg: 17.5 },
        lines: [{ quantityKg: 7.5, item: { id: offer.itemIds[0], remainingKg: 12.5 } }],
      });
      const claimId = made?.id ?? '';

      // Live: the donor's subscription sees the offer as the claim left it.
      const seen = await until(async () => feed.events.find((event) => event.status === 'PARTIALLY_CLAIMED'), 20000, 'the live notice').catch(
        (error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(feed)}`);
        },
      );
      expect(seen).toEqual({ id: offer.id, status: 'PARTIALLY_CLAIMED', remainingKg: 17.5, claims: [{ id: claimId, status: 'CONFIRMED' }] });

      // By e-mail: the donor's admin, French first.
      const mails = await smtp.waitFor((messages) => messages.slice(mailsBefore).some((m) => m.to.includes(donor.admin.email)), 10000);
      const mail = mails.slice(mailsBefore).find((m) => m.to.includes(donor.admin.email));
      expect(mail?.subject).toContain('Réservation');
      expect(mail?.text.indexOf('a réservé 7,5 kg')).toBeLessThan(mail?.text.indexOf('claimed 7.5 kg') ?? -1);

      // The pickup work: planned by the worker from the outbox.
      expect(await until(async () => ((await pickupStatuses([claimId]))[0] === 'QUEUED' ? true : undefined), 10000, 'the pickup to be queued')).toBe(true);

      // The trace: the offer put up, then the claim, each item with its GTIN and lot.
      const trace = await services.dataSource.query<Array<{ kind: string; kg: string; lot_number: string; claim_id: string | null }>>(
        'SELECT kind, kg, lot_number, claim_id FROM trace_events WHERE offer_id = $1 ORDER BY seq',
        [offer.id],
      );
      expect(trace).toEqual([
        { kind: 'OFFERED', kg: '20.000', lot_number: 'L-0', claim_id: null },
        { kind: 'OFFERED', kg: '5.000', lot_number: 'L-1', claim_id: null },
        { kind: 'CLAIMED', kg: '7.500', lot_number: 'L-0', claim_id: claimId },
      ]);
      expect(feed.errors).toEqual([]);
    } finally {
      feed.stop();
      await donorClient.dispose();
    }
  });

  it('each live notice shows the offer’s claims as they are at that event, not as the first event saw them', async () => {
    const offer = await publishedOffer([{ kg: 10 }]);
    const itemId = offer.itemIds[0] ?? '';
    const donorClient = wsClient(api.wsUrl, { authorization: `Bearer ${donor.admin.accessToken}` });
    const feed = follow(donorClient, offer.id);
    try {
      await waitForSubscribers(services.config, 'offers.changed', 1);
      const first = (await claim(offer.id, 'e2e-live-0001', [{ itemId, quantityKg: 2 }])).data?.claimOffer.id ?? '';
      await until(async () => feed.events.find((event) => event.claims.length === 1), 20000, 'the first live notice');
      const second = (await claim(offer.id, 'e2e-live-0002', [{ itemId, quantityKg: 3 }])).data?.claimOffer.id ?? '';
      const seen = await until(async () => feed.events.find((event) => event.remainingKg === 5), 20000, 'the second live notice');
      expect(seen.claims.map((c) => c.id).sort()).toEqual([first, second].sort());
      expect(feed.errors).toEqual([]);
    } finally {
      feed.stop();
      await donorClient.dispose();
    }
  });

  it('who sees what: the donor every claim on its offer, a recipient its own; claims() pages newest first', async () => {
    const offer = await publishedOffer([{ kg: 10 }]);
    const mine = (await claim(offer.id, 'e2e-mine-0001', [{ itemId: offer.itemIds[0] ?? '', quantityKg: 2 }])).data?.claimOffer.id;
    const theirs = (
      await claim(offer.id, 'e2e-theirs-0001', [{ itemId: offer.itemIds[0] ?? '', quantityKg: 3 }], { ...otherRecipient, siteId: '', driver: recipient.driver })
    ).data?.claimOffer.id;
    expect(mine).toBeDefined();
    expect(theirs).toBeDefined();

    const asDonor = await gqlOk<{ offer: { claims: Array<{ id: string }> } }>(api, OFFER_CLAIMS, { id: offer.id }, donor.admin.accessToken);
    expect(asDonor.offer.claims.map((c) => c.id)).toEqual([mine, theirs]);
    const asRecipient = await gqlOk<{ offer: { claims: Array<{ id: string }> } }>(api, OFFER_CLAIMS, { id: offer.id }, recipient.admin.accessToken);
    expect(asRecipient.offer.claims.map((c) => c.id)).toEqual([mine]);

    const firstPage = await gqlOk<{
      claims: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(api, CLAIMS, { organizationId: donor.organizationId, first: 1 }, donor.admin.accessToken);
    expect(firstPage.claims.edges.map((edge) => edge.node.id)).toEqual([theirs]);
    expect(firstPage.claims.pageInfo.hasNextPage).toBe(true);
    const secondPage = await gqlOk<{ claims: { edges: Array<{ node: { id: string } }> } }>(
      api,
      CLAIMS,
      { organizationId: donor.organizationId, first: 1, after: firstPage.claims.pageInfo.endCursor },
      donor.admin.accessToken,
    );
    expect(secondPage.claims.edges.map((edge) => edge.node.id)).toEqual([mine]);
    const recipientClaims = await gqlOk<{ claims: { edges: Array<{ node: { id: string } }> } }>(
      api,
      CLAIMS,
      { organizationId: recipient.organizationId, first: 100 },
      recipient.driver.accessToken,
    );
    expect(recipientClaims.claims.edges.map((edge) => edge.node.id)).toContain(mine);
    expect(recipientClaims.claims.edges.map((edge) => edge.node.id)).not.toContain(theirs);
    const foreign = await gql(api, CLAIMS, { organizationId: donor.organizationId }, recipient.admin.accessToken);
    expect(foreign.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const byDriver = await gql(
      api,
      CLAIM,
      { input: { offerId: offer.id, organizationId: recipient.organizationId, idempotencyKey: 'e2e-driver-0001' } },
      recipient.driver.accessToken,
    );
    expect(byDriver.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('cancelling gives the kilos back and reopens the offer; the donor must say why; someone else’s claim or a cancelled one is refused', async () => {
    const offer = await publishedOffer([{ kg: 4 }]);
    const made = (await claim(offer.id, 'e2e-cancel-0001')).data?.claimOffer;
    expect(made?.offer.status).toBe('CLAIMED');
    const claimId = made?.id ?? '';

    const stranger = await gql(api, CANCEL, { id: claimId }, otherRecipient.admin.accessToken);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const donorWithoutReason = await gql(api, CANCEL, { id: claimId }, donor.admin.accessToken);
    expect(donorWithoutReason.errors?.[0]?.extensions).toMatchObject({ code: 'CANCELLATION_REASON_REQUIRED', field: 'reason' });

    const mailsBefore = smtp.messages.length;
    const cancelled = await gqlOk<{ cancelClaim: ClaimView }>(api, CANCEL, { id: claimId, reason: 'Chambre froide en panne' }, donor.admin.accessToken);
    expect(cancelled.cancelClaim).toMatchObject({ status: 'CANCELLED', offer: { status: 'PUBLISHED', remainingKg: 4 } });
    expect(await pickupStatuses([claimId])).toEqual(['CANCELLED']);
    // The reopened lot is broadcast again, so an offer e-mail may reach the recipient before the cancellation notice.
    const isCancellationNotice = (m: { to: readonly string[]; subject: string }) =>
      m.to.includes(recipient.admin.email) && m.subject.startsWith('Réservation annulée');
    const mails = await smtp.waitFor((messages) => messages.slice(mailsBefore).some(isCancellationNotice), 10000);
    expect(mails.slice(mailsBefore).find(isCancellationNotice)?.text).toContain('Chambre froide en panne');

    const again = await gql(api, CANCEL, { id: claimId }, recipient.admin.accessToken);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_CLAIM_TRANSITION', field: 'id' });
    const trace = await services.dataSource.query<Array<{ kind: string; reason: string | null }>>(
      'SELECT kind, reason FROM trace_events WHERE claim_id = $1 ORDER BY seq',
      [claimId],
    );
    expect(trace).toEqual([
      { kind: 'CLAIMED', reason: null },
      { kind: 'CLAIM_CANCELLED', reason: 'Chambre froide en panne' },
    ]);
  });

  it('claims made while the worker is stopped all get their pickup planned once it is back', async () => {
    await worker?.close();
    worker = undefined;
    const offers = await Promise.all(Array.from({ length: 5 }, () => publishedOffer([{ kg: 3 }])));
    const claimIds = await Promise.all(offers.map(async (offer, index) => (await claim(offer.id, `e2e-offline-${index}-0001`)).data?.claimOffer.id ?? ''));
    expect(claimIds.every((id) => id !== '')).toBe(true);
    expect(await pickupStatuses(claimIds)).toEqual(Array.from({ length: 5 }, () => 'PENDING'));

    worker = await startWorker(services.config);
    const statuses = await until(
      async () => {
        const current = await pickupStatuses(claimIds);
        return current.every((status) => status === 'QUEUED') ? current : undefined;
      },
      15000,
      'every pickup to be queued',
    );
    expect(statuses).toHaveLength(5);
  });
});
