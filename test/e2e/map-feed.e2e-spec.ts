import request from 'supertest';
import { insertOffer, insertOrganization, insertRecipient, insertSite } from '../support/factories/matching.factory';
import { MemberRole } from '#domain';
import { insertMembership } from '../support/factories/people.factory';
import { registerPlatformAdmin, registerUser, type TestUser } from '../support/graphql-http';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

interface FeatureCollection {
  type: 'FeatureCollection';
  bbox: number[];
  features: Feature[];
  truncated?: boolean;
}

const HOUR_MS = 3_600_000;
// Around Lyon; the truncation scenario is around Bordeaux, out of every other box.
const BOX = '4.70,45.60,5.00,45.90';
const INSIDE = { latitude: 45.75, longitude: 4.85 };
const OUTSIDE = { latitude: 45.75, longitude: 5.05 };

describe('GET /map/features (live map feed)', () => {
  let services: TestServices;
  let api: RunningApi;
  /** A DRIVER of a verified recipient: any member of a verified organisation reads the map. */
  let user: TestUser;
  let unverifiedMember: TestUser;
  let loner: TestUser;
  let platformAdmin: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    const ds = services.dataSource;
    [user, unverifiedMember, loner] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    platformAdmin = await registerPlatformAdmin(api, ds);

    const donorId = await insertOrganization(ds, 'DONOR', { name: 'Boulangerie du Parc' });
    const pickupFrom = new Date(Date.now() + HOUR_MS);
    const pickupUntil = new Date(Date.now() + 3 * HOUR_MS);
    const offer = async (name: string, at: { latitude: number; longitude: number }, options: { status?: string; over?: boolean } = {}) => {
      const siteId = await insertSite(ds, donorId, at);
      ids[name] = (
        await insertOffer(ds, {
          donorOrganizationId: donorId,
          siteId,
          ...at,
          status: options.status ?? 'PUBLISHED',
          pickupFrom: options.over === true ? new Date(Date.now() - 3 * HOUR_MS) : pickupFrom,
          pickupUntil: options.over === true ? new Date(Date.now() - HOUR_MS) : pickupUntil,
          items: [
            { category: 'FOOD.DAIRY.YOGURT', kg: 12, temperature: 'CHILLED', dateKind: 'DDM', date: '2030-01-01' },
            { category: 'FOOD.DRY.CANNED', kg: 8 },
          ],
        })
      ).offerId;
    };
    await offer('open', INSIDE);
    await offer('outside', OUTSIDE);
    await offer('draft', INSIDE, { status: 'DRAFT' });
    await offer('claimed', INSIDE, { status: 'CLAIMED' });
    await offer('over', INSIDE, { over: true });
    // On the box's edge: inside (edges belong to the box).
    await offer('edge', { latitude: 45.6, longitude: 4.85 });

    const verified = await insertRecipient(ds, { latitude: 45.76, longitude: 4.84 }, { chilledKg: 321, ambientKg: 654 }, { name: 'Épicerie solidaire' });
    ids['recipient'] = verified.siteId;
    await insertMembership(ds, verified.organizationId, user.id, MemberRole.DRIVER);
    const unverified = await insertRecipient(ds, { latitude: 45.77, longitude: 4.83 }, {}, { name: 'Association en attente', verified: false });
    ids['unverified'] = unverified.siteId;
    await insertMembership(ds, unverified.organizationId, unverifiedMember.id, MemberRole.ADMIN);
    // An unverified donor's open offer, inside the box: not on the map either.
    const unverifiedDonorId = await insertOrganization(ds, 'DONOR', { name: 'Traiteur non vérifié', verified: false });
    const unverifiedSiteId = await insertSite(ds, unverifiedDonorId, INSIDE);
    ids['unverified offer'] = (
      await insertOffer(ds, {
        donorOrganizationId: unverifiedDonorId,
        siteId: unverifiedSiteId,
        ...INSIDE,
        pickupFrom,
        pickupUntil,
        items: [{ category: 'FOOD.DRY.CANNED', kg: 5 }],
      })
    ).offerId;
    ids['far recipient'] = (await insertRecipient(ds, { latitude: 46.5, longitude: 4.84 }, {}, { name: 'Loin' })).siteId;
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  const anonymousGet = (query: string) => request(api.httpUrl).get(`/map/features${query}`).set('accept-language', 'en');
  const get = (query: string, token: string = user.accessToken) => anonymousGet(query).set('authorization', `Bearer ${token}`);

  describe('authentication', () => {
    it('answers 401 UNAUTHENTICATED as JSON without a token', async () => {
      const response = await anonymousGet(`?bbox=${BOX}`);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization', message: 'Please sign in to continue.' });
    });

    it('answers 401 for a forged token and for a header that is not a bearer token', async () => {
      const [header, payload] = user.accessToken.split('.');
      const forged = await get(`?bbox=${BOX}`, `${header ?? ''}.${payload ?? ''}.c2lnbmF0dXJl`);
      expect(forged.status).toBe(401);
      expect(forged.body).toMatchObject({ code: 'UNAUTHENTICATED', params: { reason: 'invalid' } });
      const basic = await anonymousGet(`?bbox=${BOX}`).set('authorization', 'Basic dXNlcjpwYXNz');
      expect(basic.status).toBe(401);
      expect(basic.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('who may read it', () => {
    it('answers 403 FORBIDDEN to a person of no organisation and to the members of an unverified one', async () => {
      for (const caller of [loner, unverifiedMember]) {
        const response = await get(`?bbox=${BOX}`, caller.accessToken);
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
        expect(response.body.features).toBeUndefined();
      }
    });

    it('serves the members of a verified organisation, whatever their role, and platform admins', async () => {
      for (const caller of [user, platformAdmin]) {
        const response = await get(`?bbox=${BOX}`, caller.accessToken);
        expect(response.status).toBe(200);
        expect((JSON.parse(response.text) as FeatureCollection).features.length).toBeGreaterThan(0);
      }
    });
  });

  describe('the bounding box', () => {
    it.each([
      ['missing', '', 'INVALID_BBOX'],
      ['three numbers', '?bbox=4.7,45.6,5.0', 'INVALID_BBOX'],
      ['not numbers', '?bbox=west,south,east,north', 'INVALID_BBOX'],
      ['a latitude beyond 90', '?bbox=4.7,45.6,5.0,91', 'INVALID_BBOX'],
      ['min after max', '?bbox=5.0,45.6,4.7,45.9', 'INVALID_BBOX'],
      ['given twice', `?bbox=${BOX}&bbox=${BOX}`, 'INVALID_BBOX'],
      ['larger than 5° on a side', '?bbox=0,40,10,41', 'BBOX_TOO_LARGE'],
    ])('answers 400 with a code when %s', async (_label, query, code) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code, field: 'bbox' });
      expect(typeof response.body.message).toBe('string');
    });

    it('answers 400 UNKNOWN_MAP_LAYER for a layer it does not serve', async () => {
      const response = await get(`?bbox=${BOX}&layers=offers,donors`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'UNKNOWN_MAP_LAYER', field: 'layers' });
    });
  });

  describe('a valid request', () => {
    let collection: FeatureCollection;
    let contentType: string | undefined;

    beforeAll(async () => {
      const response = await get(`?bbox=${BOX}`);
      expect(response.status).toBe(200);
      contentType = response.headers['content-type'];
      collection = JSON.parse(response.text) as FeatureCollection;
    });

    const layer = (name: string) => collection.features.filter((feature) => feature.properties['layer'] === name);

    it('is a GeoJSON FeatureCollection served as application/geo+json', () => {
      expect(contentType).toMatch(/^application\/geo\+json/);
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.bbox).toEqual([4.7, 45.6, 5, 45.9]);
      expect(collection.truncated).toBeUndefined();
    });

    it('has the open offers inside the box only, with [longitude, latitude] points', () => {
      expect(
        layer('offers')
          .map((feature) => feature.id)
          .sort(),
      ).toEqual([ids['open'], ids['edge']].sort());
      const open = layer('offers').find((feature) => feature.id === ids['open']);
      expect(open?.geometry).toEqual({ type: 'Point', coordinates: [INSIDE.longitude, INSIDE.latitude] });
      expect(open?.properties).toMatchObject({
        id: ids['open'],
        title: 'Lot',
        status: 'PUBLISHED',
        totalKg: 20,
        remainingKg: 20,
        temperatures: ['AMBIENT', 'CHILLED'],
        donorName: 'Boulangerie du Parc',
      });
      expect(typeof open?.properties['pickupFrom']).toBe('string');
      expect(typeof open?.properties['pickupUntil']).toBe('string');
    });

    it('has the verified recipients’ sites inside the box, with public facts only; unverified organisations never appear', () => {
      const sites = layer('recipients');
      expect(sites.map((feature) => feature.id)).toEqual([ids['recipient']]);
      const verified = sites.find((feature) => feature.id === ids['recipient']);
      expect(verified?.properties).toMatchObject({ organizationName: 'Épicerie solidaire', kind: 'RECIPIENT', verified: true });
      expect(layer('offers').map((feature) => feature.id)).not.toContain(ids['unverified offer']);
      expect(JSON.stringify(collection)).not.toContain('non vérifié');
      for (const feature of sites) {
        expect(Object.keys(feature.properties).sort()).toEqual(['kind', 'layer', 'organizationId', 'organizationName', 'siteId', 'siteName', 'verified']);
      }
    });

    it('never leaks a capacity, a member or a contact', () => {
      // Ids are random: one may hold the digits of a capacity, so they are masked before looking.
      const text = JSON.stringify(collection).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
      for (const leak of ['321', '654', 'capacit', 'member', 'email', '@', 'accessInstructions', 'legalId']) expect(text).not.toContain(leak);
    });

    it('serves one layer when asked', async () => {
      const response = await get(`?bbox=${BOX}&layers=recipients`);
      const features = (JSON.parse(response.text) as FeatureCollection).features;
      expect(features.length).toBeGreaterThan(0);
      expect(features.every((feature) => feature.properties['layer'] === 'recipients')).toBe(true);
    });
  });

  it('cuts at 2 000 features and says so with the truncated member', async () => {
    const ds = services.dataSource;
    const donorId = await insertOrganization(ds, 'DONOR');
    const siteId = await insertSite(ds, donorId, { latitude: 44.84, longitude: -0.58 });
    await ds.query(
      `INSERT INTO offers (id, donor_organization_id, site_id, title, status, pickup_from, pickup_until, location, total_kg, remaining_kg)
       SELECT gen_random_uuid(), $1, $2, 'Lot ' || n, 'PUBLISHED', now() + interval '1 hour', now() + interval '3 hours',
         ST_SetSRID(ST_MakePoint(-0.58 + n * 0.00001, 44.84), 4326)::geography, 1, 1
       FROM generate_series(1, 2001) n`,
      [donorId, siteId],
    );
    const response = await get('?bbox=-0.7,44.7,-0.4,45.0&layers=offers');
    expect(response.status).toBe(200);
    const collection = JSON.parse(response.text) as FeatureCollection;
    expect(collection.features).toHaveLength(2000);
    expect(collection.truncated).toBe(true);
  });
});

describe('GET /map/features rate limit, shared by every API instance', () => {
  let services: TestServices;
  let first: RunningApi;
  let second: RunningApi;
  let member: TestUser;
  let colleague: TestUser;

  beforeAll(async () => {
    services = await provideTestServices({ MAP_FEATURES_PER_USER_PER_MINUTE: '2' });
    [first, second] = await Promise.all([startApi(services.config), startApi(services.config)]);
    [member, colleague] = await Promise.all([registerUser(first), registerUser(first)]);
    const organizationId = await insertOrganization(services.dataSource, 'RECIPIENT');
    await insertMembership(services.dataSource, organizationId, member.id, MemberRole.STAFF);
    await insertMembership(services.dataSource, organizationId, colleague.id, MemberRole.STAFF);
  });

  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    await services?.release();
  });

  const get = (api: RunningApi, query: string, token: string) =>
    request(api.httpUrl).get(`/map/features${query}`).set('accept-language', 'en').set('authorization', `Bearer ${token}`);

  it('refuses a box over the cap with a coded error on bbox, counting nothing', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await get(first, '?bbox=-5,42,8,51', member.accessToken);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'BBOX_TOO_LARGE', field: 'bbox', params: { maxDegrees: 5 } });
    }
    // Three refusals and the two calls of the budget are still there.
    expect((await get(first, `?bbox=${BOX}`, member.accessToken)).status).toBe(200);
  });

  it('answers 429 RATE_LIMITED once an account has spent its calls on any instance; another account goes on', async () => {
    expect((await get(second, `?bbox=${BOX}`, member.accessToken)).status).toBe(200);
    const refused = await get(first, `?bbox=${BOX}`, member.accessToken);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: expect.any(Number) as number } });
    expect(refused.body.features).toBeUndefined();
    expect((await get(second, `?bbox=${BOX}`, colleague.accessToken)).status).toBe(200);
  });
});
