import type { INestApplicationContext } from '@nestjs/common';
import { addCalendarDays, parisDayOf } from '#domain';
import { RecurringJobsRegistrar, redisOptions } from '#jobs';
import { DatabaseConnector } from '#persistence';
import { Queue, type ConnectionOptions } from 'bullmq';
import { itemInput, registerDonor, type ApiDonor } from '../support/factories/offers.factory';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { firstEvent, waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';

const HOUR = 3_600_000;
const OFFER_FIELDS = `id title status totalKg remainingKg pickupFrom pickupUntil withdrawalReason location { latitude longitude }
  donor { id name } site { id name }
  items { id category description quantityKg remainingKg temperature dateKind date allergens gtin lotNumber unitCostCents }
  claims { id status totalKg recipient { id } lines { quantityKg item { id } } }`;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) { withdrawOffer(id: $id, reason: $reason) { id status withdrawalReason } }`;
const OFFER = `query ($id: ID!) { offer(id: $id) { ${OFFER_FIELDS} } }`;
const OFFERS = `query ($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) { edges { cursor node { id status donor { id } } } pageInfo { hasNextPage endCursor } }
}`;
const OFFER_CHANGED = `subscription ($offerId: ID!) { offerChanged(offerId: $offerId) { id status withdrawalReason } }`;

interface OfferView {
  id: string;
  title: string;
  status: string;
  totalKg: number;
  remainingKg: number;
  donor: { id: string; name: string };
  site: { id: string; name: string };
  items: Array<Record<string, unknown>>;
  claims: unknown[];
  location: { latitude: number; longitude: number };
}

interface Connection {
  offers: {
    edges: Array<{ cursor: string; node: { id: string; status: string; donor: { id: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('offers over GraphQL: create, read, list, withdraw, follow, expire (API, worker, PostgreSQL/PostGIS, Redis)', () => {
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let donor: ApiDonor;
  let otherDonor: ApiDonor;
  let outsider: TestUser;

  const window = (fromHours = 1, untilHours = 6) => ({
    pickupFrom: new Date(Date.now() + fromHours * HOUR).toISOString(),
    pickupUntil: new Date(Date.now() + untilHours * HOUR).toISOString(),
  });

  async function create(input: Record<string, unknown> = {}, token = donor.admin.accessToken): Promise<OfferView> {
    const { createOffer } = await gqlOk<{ createOffer: OfferView }>(
      api,
      CREATE_OFFER,
      { input: { siteId: donor.siteId, title: 'Invendus du jour', items: [itemInput()], ...window(), ...input } },
      token,
    );
    return createOffer;
  }

  /** Publishing is another operation's business (publishOffer); here the state is set as it would leave it. */
  async function markPublished(offerId: string): Promise<void> {
    await services.dataSource.query(`UPDATE offers SET status = 'PUBLISHED', published_at = now(), version = version + 1 WHERE id = $1`, [offerId]);
  }

  async function count(table: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  }

  beforeAll(async () => {
    services = await provideTestServices();
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
    await api.app.get(DatabaseConnector).whenConnected();
    donor = await registerDonor(api);
    otherDonor = await registerDonor(api, { latitude: 45.764, longitude: 4.8357 }, 'Boulangerie de Lyon');
    outsider = await registerUser(api, undefined, 'Paul Durand');
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
  });

  it('creates a draft with every item field, reads it back with its donor and site, and withdraws it with a reason', async () => {
    const dlc = addCalendarDays(parisDayOf(new Date()), 6);
    const created = await create({
      title: 'Yaourts et pâtes',
      items: [
        itemInput({
          category: 'FOOD.DAIRY.YOGURT',
          quantityKg: 8.25,
          temperature: 'CHILLED',
          dateKind: 'DLC',
          date: dlc,
          allergens: ['milk'],
          gtin: '4006381333931',
          lotNumber: 'L2026-11',
          unitCostCents: 180,
        }),
        itemInput(),
      ],
    });
    expect(created).toMatchObject({
      title: 'Yaourts et pâtes',
      status: 'DRAFT',
      totalKg: 20.75,
      remainingKg: 20.75,
      donor: { id: donor.organizationId, name: 'Supermarché du Centre' },
      site: { id: donor.siteId, name: 'Magasin' },
      location: { latitude: 48.8566, longitude: 2.3522 },
      claims: [],
    });
    expect(created.items[0]).toMatchObject({
      category: 'FOOD.DAIRY.YOGURT',
      quantityKg: 8.25,
      remainingKg: 8.25,
      temperature: 'CHILLED',
      dateKind: 'DLC',
      date: dlc,
      allergens: ['MILK'],
      gtin: '4006381333931',
      lotNumber: 'L2026-11',
      unitCostCents: 180,
    });
    expect(created.items[1]).toMatchObject({ dateKind: 'NONE', date: null, allergens: [], gtin: null });

    const { offer } = await gqlOk<{ offer: OfferView }>(api, OFFER, { id: created.id }, donor.admin.accessToken);
    expect(offer).toEqual(created);

    const { withdrawOffer } = await gqlOk<{ withdrawOffer: { id: string; status: string; withdrawalReason: string } }>(
      api,
      WITHDRAW,
      { id: created.id, reason: ' Vendu en magasin ' },
      donor.admin.accessToken,
    );
    expect(withdrawOffer).toEqual({ id: created.id, status: 'WITHDRAWN', withdrawalReason: 'Vendu en magasin' });
  });

  it('shows a draft only to its donor; open offers to every member; nothing to anonymous callers', async () => {
    const draft = await create();
    const open = await create();
    await markPublished(open.id);

    expect((await gqlOk<{ offer: OfferView | null }>(api, OFFER, { id: draft.id }, outsider.accessToken)).offer).toBeNull();
    expect((await gqlOk<{ offer: OfferView | null }>(api, OFFER, { id: draft.id }, otherDonor.admin.accessToken)).offer).toBeNull();
    expect((await gqlOk<{ offer: OfferView | null }>(api, OFFER, { id: open.id }, outsider.accessToken)).offer?.status).toBe('PUBLISHED');
    expect((await gqlOk<{ offer: OfferView | null }>(api, OFFER, { id: 'not-an-id' }, outsider.accessToken)).offer).toBeNull();

    const anonymous = await gql(api, OFFERS, {});
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(api, OFFER, { id: open.id })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const seen = await gqlOk<Connection>(api, OFFERS, { first: 100 }, outsider.accessToken);
    const ids = seen.offers.edges.map((edge) => edge.node.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(draft.id);
    expect(seen.offers.edges.every((edge) => edge.node.status === 'PUBLISHED' || edge.node.status === 'PARTIALLY_CLAIMED')).toBe(true);
  });

  it('lists with filters (status, distance, category) and cursor pagination without gaps or repeats', async () => {
    const paris = await Promise.all([create({ items: [itemInput({ category: 'FOOD.DAIRY.CHEESE' })] }), create(), create()]);
    const { createOffer: lyon } = await gqlOk<{ createOffer: OfferView }>(
      api,
      CREATE_OFFER,
      { input: { siteId: otherDonor.siteId, title: 'Pain', items: [itemInput({ category: 'FOOD.BAKERY.BREAD' })], ...window() } },
      otherDonor.admin.accessToken,
    );
    for (const offer of [...paris, lyon]) await markPublished(offer.id);

    const nearParis = await gqlOk<Connection>(
      api,
      OFFERS,
      { filter: { near: { latitude: 48.85, longitude: 2.35 }, radiusKm: 25 }, first: 100 },
      outsider.accessToken,
    );
    const nearIds = nearParis.offers.edges.map((edge) => edge.node.id);
    expect(nearIds).toEqual(expect.arrayContaining(paris.map((offer) => offer.id)));
    expect(nearIds).not.toContain(lyon.id);

    const dairy = await gqlOk<Connection>(api, OFFERS, { filter: { category: 'FOOD.DAIRY' }, first: 100 }, outsider.accessToken);
    expect(dairy.offers.edges.map((edge) => edge.node.id)).toContain(paris[0]?.id);
    expect(dairy.offers.edges.map((edge) => edge.node.id)).not.toContain(paris[1]?.id);

    const drafts = await gqlOk<Connection>(api, OFFERS, { filter: { status: ['DRAFT', 'WITHDRAWN'] }, first: 100 }, donor.admin.accessToken);
    expect(drafts.offers.edges.length).toBeGreaterThan(0);
    expect(drafts.offers.edges.every((edge) => ['DRAFT', 'WITHDRAWN'].includes(edge.node.status) && edge.node.donor.id === donor.organizationId)).toBe(true);

    const all = await gqlOk<Connection>(api, OFFERS, { first: 100 }, donor.admin.accessToken);
    const pages: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: Connection = await gqlOk<Connection>(api, OFFERS, { first: 2, after }, donor.admin.accessToken);
      expect(page.offers.edges.length).toBeLessThanOrEqual(2);
      pages.push(...page.offers.edges.map((edge) => edge.node.id));
      if (!page.offers.pageInfo.hasNextPage) break;
      after = page.offers.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.offers.edges.map((edge) => edge.node.id));

    for (const [variables, code, field] of [
      [{ first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
      [{ first: 101 }, 'INVALID_PAGE_SIZE', 'first'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'INVALID_CURSOR', 'after'],
      [{ filter: { near: { latitude: 48.85, longitude: 2.35 }, radiusKm: 400 } }, 'INVALID_RADIUS', 'filter.radiusKm'],
      [{ filter: { near: { latitude: 91, longitude: 2.35 }, radiusKm: 10 } }, 'INVALID_LATITUDE', 'filter.near.latitude'],
      [{ filter: { category: 'FOOD.NOPE' } }, 'UNKNOWN_CATEGORY', 'filter.category'],
    ] as const) {
      const body = await gql(api, OFFERS, variables, outsider.accessToken);
      expect({ variables, error: body.errors?.[0]?.extensions }).toEqual({ variables, error: expect.objectContaining({ code, field }) });
    }
  });

  describe('refuses bad input with a code and the field at fault, and writes nothing', () => {
    const today = () => parisDayOf(new Date());
    const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
      ['zero kg', () => ({ items: [itemInput({ quantityKg: 0 })] }), 'INVALID_QUANTITY', 'items.0.quantityKg'],
      ['negative kg', () => ({ items: [itemInput(), itemInput({ quantityKg: -3 })] }), 'INVALID_QUANTITY', 'items.1.quantityKg'],
      ['more than 100 items', () => ({ items: Array.from({ length: 101 }, () => itemInput()) }), 'OFFER_TOO_MANY_ITEMS', 'items'],
      ['no item', () => ({ items: [] }), 'OFFER_WITHOUT_ITEMS', 'items'],
      ['a window that ends before it starts', () => window(5, 2), 'PICKUP_WINDOW_END_BEFORE_START', 'pickupUntil'],
      ['a window already over', () => window(-5, -1), 'PICKUP_WINDOW_OVER', 'pickupUntil'],
      ['a DLC item without a date', () => ({ items: [itemInput({ dateKind: 'DLC', temperature: 'CHILLED' })] }), 'DLC_DATE_REQUIRED', 'items.0.date'],
      [
        'a past DLC',
        () => ({ items: [itemInput({ dateKind: 'DLC', temperature: 'CHILLED', date: addCalendarDays(today(), -1) })] }),
        'DLC_EXPIRED',
        'items.0.date',
      ],
      ['an invalid GTIN', () => ({ items: [itemInput({ gtin: '4006381333932' })] }), 'INVALID_GTIN', 'items.0.gtin'],
      ['an unknown category', () => ({ items: [itemInput({ category: 'FOOD.CAVIAR' })] }), 'UNKNOWN_CATEGORY', 'items.0.category'],
      ['an unknown allergen', () => ({ items: [itemInput({ allergens: ['MILK', 'PINEAPPLE'] })] }), 'UNKNOWN_ALLERGEN', 'items.0.allergens.1'],
      ['a blank title', () => ({ title: '  ' }), 'INVALID_OFFER_TITLE', 'title'],
    ];

    it.each(cases)('%s', async (_, input, code, field) => {
      const before = [await count('offers'), await count('offer_items')];
      const body = await gql(
        api,
        CREATE_OFFER,
        { input: { siteId: donor.siteId, title: 'Lot', items: [itemInput()], ...window(), ...input() } },
        donor.admin.accessToken,
      );
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect([await count('offers'), await count('offer_items')]).toEqual(before);
    });

    it('another organisation’s site (or an unknown one): FORBIDDEN on siteId', async () => {
      const before = await count('offers');
      for (const siteId of [otherDonor.siteId, '00000000-0000-4000-8000-000000000000']) {
        const body = await gql(api, CREATE_OFFER, { input: { siteId, title: 'Lot', items: [itemInput()], ...window() } }, donor.admin.accessToken);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'siteId' });
      }
      expect(
        (await gql(api, CREATE_OFFER, { input: { siteId: donor.siteId, title: 'Lot', items: [itemInput()], ...window() } })).errors?.[0]?.extensions.code,
      ).toBe('UNAUTHENTICATED');
      expect(await count('offers')).toBe(before);
    });

    it('a date that is not a real day: BAD_USER_INPUT on the field, before any resolver runs', async () => {
      const before = await count('offers');
      const body = await gql(
        api,
        CREATE_OFFER,
        { input: { siteId: donor.siteId, title: 'Lot', items: [itemInput({ dateKind: 'DDM', date: '2026-02-30' })], ...window() } },
        donor.admin.accessToken,
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].date' });
      expect(body.errors?.[0]?.message).toContain('Invalid date: expected a day as YYYY-MM-DD');
      expect(await count('offers')).toBe(before);
    });

    it('withdrawing: a collected offer, someone else’s offer, no reason, an unknown offer', async () => {
      const offer = await create();
      const collected = await create();
      await services.dataSource.query(`UPDATE offers SET status = 'COLLECTED', version = version + 1 WHERE id = $1`, [collected.id]);

      const refusals = [
        [collected.id, 'Trop tard', donor.admin.accessToken, 'ILLEGAL_OFFER_TRANSITION', 'id'],
        [offer.id, 'Pas à moi', otherDonor.admin.accessToken, 'FORBIDDEN', undefined],
        [offer.id, '   ', donor.admin.accessToken, 'WITHDRAW_REASON_REQUIRED', 'reason'],
        ['00000000-0000-4000-8000-000000000000', 'Vendu', donor.admin.accessToken, 'NOT_FOUND', 'id'],
      ] as const;
      for (const [id, reason, token, code, field] of refusals) {
        const body = await gql(api, WITHDRAW, { id, reason }, token);
        expect(body.errors?.[0]?.extensions).toMatchObject(field === undefined ? { code } : { code, field });
      }
      const rows = await services.dataSource.query<Array<{ id: string; status: string; version: number }>>(
        'SELECT id, status, version FROM offers WHERE id = ANY($1)',
        [[offer.id, collected.id]],
      );
      expect(rows.find((row) => row.id === offer.id)).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(rows.find((row) => row.id === collected.id)).toMatchObject({ status: 'COLLECTED', version: 2 });
    });
  });

  it('tells subscribers who may read the offer when it changes, and refuses the others', async () => {
    const offer = await create();
    const donorClient = wsClient(api.wsUrl, { authorization: `Bearer ${donor.admin.accessToken}` });
    const outsiderClient = wsClient(api.wsUrl, { authorization: `Bearer ${outsider.accessToken}` });
    try {
      const refused = firstEvent(outsiderClient, OFFER_CHANGED, { offerId: offer.id }).then(
        () => 'delivered',
        (error: unknown) => String(error instanceof Error ? error.message : JSON.stringify(error)),
      );
      expect(await refused).toContain('NOT_FOUND');

      const changed = firstEvent<{ offerChanged: { id: string; status: string; withdrawalReason: string } }>(donorClient, OFFER_CHANGED, { offerId: offer.id });
      await waitForSubscribers(services.config, 'offers.changed', 1);
      await gqlOk(api, WITHDRAW, { id: offer.id, reason: 'Vendu' }, donor.admin.accessToken);
      expect((await changed).offerChanged).toEqual({ id: offer.id, status: 'WITHDRAWN', withdrawalReason: 'Vendu' });
    } finally {
      await Promise.all([donorClient.dispose(), outsiderClient.dispose()]);
    }
  });

  it('expires an offer whose window is over when the worker runs the sweep, and tells its followers', async () => {
    const offer = await create({ pickupFrom: new Date(Date.now() - HOUR).toISOString(), pickupUntil: new Date(Date.now() + 1500).toISOString() });
    await markPublished(offer.id);
    const client = wsClient(api.wsUrl, { authorization: `Bearer ${donor.admin.accessToken}` });
    const queue = new Queue('offers', {
      connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions,
      prefix: services.config.queuePrefix,
    });
    try {
      const changed = firstEvent<{ offerChanged: { id: string; status: string } }>(client, OFFER_CHANGED, { offerId: offer.id });
      await waitForSubscribers(services.config, 'offers.changed', 1);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      // The tick the schedule would produce, without waiting for the minute.
      await queue.add('offers.expire-due', {});
      expect((await changed).offerChanged).toEqual({ id: offer.id, status: 'EXPIRED', withdrawalReason: null });
      const [row] = await services.dataSource.query<Array<{ status: string; expiry_reason: string }>>(
        'SELECT status, expiry_reason FROM offers WHERE id = $1',
        [offer.id],
      );
      expect(row).toEqual({ status: 'EXPIRED', expiry_reason: 'WINDOW_OVER' });
    } finally {
      await Promise.all([client.dispose(), queue.close()]);
    }
  });

  it('keeps one expiry schedule in Redis for all workers: every minute, the offers.expire-due job', async () => {
    await worker.get(RecurringJobsRegistrar).registered();
    const second = await startWorker(services.config);
    try {
      await second.get(RecurringJobsRegistrar).registered();
      const queue = new Queue('offers', {
        connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions,
        prefix: services.config.queuePrefix,
      });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers).toEqual([expect.objectContaining({ key: 'offers.expire-due', name: 'offers.expire-due', every: 60_000 })]);
      } finally {
        await queue.close();
      }
    } finally {
      await second.close();
    }
  });
});
