import { DatabaseConnector } from '#persistence';
import { registerDonor, itemInput, HOUR_MS, type ApiDonor } from '../support/factories/offers.factory';
import { gql, gqlOk, registerPlatformAdmin, registerUser, type TestUser } from '../support/graphql-http';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const ALWAYS_OPEN = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] }));

const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const PUBLISH_OFFER = `mutation ($id: ID!) { publishOffer(id: $id) { id status } }`;
const MATCH_FIELDS = `distanceKm score rank reasons offer { id title } recipient { id name } site { id name location { latitude longitude } }`;
const OFFER_MATCHES = `query ($offerId: ID!, $first: Int) { offerMatches(offerId: $offerId, first: $first) { ${MATCH_FIELDS} } }`;
const CLAIMABLE = `query ($organizationId: ID!, $first: Int, $after: String) {
  claimableOffers(organizationId: $organizationId, first: $first, after: $after) {
    edges { cursor node { ${MATCH_FIELDS} } } pageInfo { hasNextPage endCursor }
  }
}`;

interface MatchView {
  distanceKm: number;
  score: number;
  rank: number;
  reasons: string[];
  offer: { id: string; title: string };
  recipient: { id: string; name: string };
  site: { id: string; name: string };
}

interface ApiRecipient {
  readonly admin: TestUser;
  readonly organizationId: string;
  readonly siteId: string;
}

let rnaCounter = 100_000_000 + Math.floor(Math.random() * 800_000_000);

describe('offerMatches and claimableOffers over GraphQL', () => {
  let services: TestServices;
  let api: RunningApi;
  let platformAdmin: TestUser;
  let donor: ApiDonor;
  let near: ApiRecipient;
  let far: ApiRecipient;
  let offerId: string;

  async function registerRecipient(name: string, location: { latitude: number; longitude: number }, verified = true, ambientKg = 400): Promise<ApiRecipient> {
    const admin = await registerUser(api, undefined, 'Paul Durand');
    const { createOrganization } = await gqlOk<{ createOrganization: { id: string } }>(
      api,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { name, kind: 'RECIPIENT', legalId: `W${rnaCounter++}` } },
      admin.accessToken,
    );
    const organizationId = createOrganization.id;
    const { addSite } = await gqlOk<{ addSite: { id: string } }>(
      api,
      `mutation ($input: AddSiteInput!) { addSite(input: $input) { id } }`,
      { input: { organizationId, name: 'Local', address: '2 rue des Lilas', location, openingHours: ALWAYS_OPEN } },
      admin.accessToken,
    );
    await gqlOk(
      api,
      `mutation ($input: RecipientProfileInput!) { setRecipientProfile(input: $input) { serviceRadiusKm } }`,
      {
        input: {
          organizationId,
          acceptedCategories: ['FOOD.DRY'],
          capacities: [{ temperature: 'AMBIENT', kg: ambientKg }],
          serviceRadiusKm: 25,
        },
      },
      admin.accessToken,
    );
    if (verified) await gqlOk(api, `mutation ($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: organizationId }, platformAdmin.accessToken);
    return { admin, organizationId, siteId: addSite.id };
  }

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    await api.app.get(DatabaseConnector).whenConnected();
    platformAdmin = await registerPlatformAdmin(api, services.dataSource);
    donor = await registerDonor(api, { latitude: 48.8566, longitude: 2.3522 });
    near = await registerRecipient('Épicerie du Marais', { latitude: 48.8606, longitude: 2.3622 });
    // Room for part of the 120 kg lot only.
    far = await registerRecipient('Restos de Vincennes', { latitude: 48.8476, longitude: 2.4392 }, true, 60);
    await registerRecipient('Association non vérifiée', { latitude: 48.857, longitude: 2.353 }, false);

    const pickupFrom = new Date(Date.now() + 2 * HOUR_MS);
    const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: 'Pâtes et conserves',
          items: [itemInput({ quantityKg: 80 }), itemInput({ category: 'FOOD.DRY.CANNED', description: 'Conserves de légumes', quantityKg: 40 })],
          pickupFrom: pickupFrom.toISOString(),
          pickupUntil: new Date(pickupFrom.getTime() + 4 * HOUR_MS).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    offerId = createOffer.id;
    await gqlOk(api, PUBLISH_OFFER, { id: offerId }, donor.admin.accessToken);
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  it('gives the donor its offer’s verified recipients within their radius, nearest first, with reasons in the caller’s language', async () => {
    const body = await gql<{ offerMatches: MatchView[] }>(api, OFFER_MATCHES, { offerId }, donor.admin.accessToken, 'fr');
    expect(body.errors).toBeUndefined();
    const matches = body.data?.offerMatches ?? [];
    expect(matches.map((match) => match.recipient.id)).toEqual([near.organizationId, far.organizationId]);
    expect(matches[0]).toMatchObject({ rank: 1, offer: { id: offerId, title: 'Pâtes et conserves' }, site: { id: near.siteId } });
    expect(matches[0]?.distanceKm).toBeGreaterThan(0.5);
    expect(matches[0]?.distanceKm).toBeLessThan(1.2);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
    expect(matches[0]?.reasons).toContain('habilitation vérifiée');

    const english = await gqlOk<{ offerMatches: MatchView[] }>(api, OFFER_MATCHES, { offerId, first: 1 }, donor.admin.accessToken);
    expect(english.offerMatches).toHaveLength(1);
    expect(english.offerMatches[0]?.reasons).toContain('habilitation verified');
  });

  it('lets an unverified donor prepare a draft, but neither publish it nor see its matches (ORGANIZATION_NOT_VERIFIED) until a platform admin verifies it', async () => {
    const unvetted = await registerDonor(api, { latitude: 48.857, longitude: 2.352 }, 'Commerce non vérifié', { verified: false });
    const pickupFrom = new Date(Date.now() + 2 * HOUR_MS);
    const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: unvetted.siteId,
          title: 'Brouillon',
          items: [itemInput({ quantityKg: 10 })],
          pickupFrom: pickupFrom.toISOString(),
          pickupUntil: new Date(pickupFrom.getTime() + 4 * HOUR_MS).toISOString(),
        },
      },
      unvetted.admin.accessToken,
    );
    const outbox = async (): Promise<number> => Number((await services.dataSource.query<Array<{ n: string }>>('SELECT count(*) AS n FROM outbox_jobs'))[0]?.n);
    const jobsBefore = await outbox();
    const publish = await gql(api, PUBLISH_OFFER, { id: createOffer.id }, unvetted.admin.accessToken);
    expect(publish.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([['ORGANIZATION_NOT_VERIFIED', 'id']]);
    const matches = await gql(api, OFFER_MATCHES, { offerId: createOffer.id }, unvetted.admin.accessToken);
    expect(matches.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([['ORGANIZATION_NOT_VERIFIED', 'offerId']]);
    const status = await services.dataSource.query<Array<{ status: string }>>('SELECT status FROM offers WHERE id = $1', [createOffer.id]);
    expect(status).toEqual([{ status: 'DRAFT' }]);
    expect(await outbox()).toBe(jobsBefore);

    await gqlOk(api, `mutation ($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: unvetted.organizationId }, platformAdmin.accessToken);
    expect(
      (await gqlOk<{ offerMatches: MatchView[] }>(api, OFFER_MATCHES, { offerId: createOffer.id }, unvetted.admin.accessToken)).offerMatches.length,
    ).toBeGreaterThan(0);
    // It stays a draft: the scenarios below rely on the one open offer of this area.
  });

  const PRIVATE_FIELDS = `query ($offerId: ID!) { offerMatches(offerId: $offerId) { recipient { id } fit absorbableKg reasons } }`;
  interface PrivateView {
    recipient: { id: string };
    fit: string;
    absorbableKg: number | null;
    reasons: string[];
  }

  it('shows the donor the recipient, the distance and a coarse fit, never the recipient’s free storage, radius or fairness', async () => {
    const body = await gql<{ offerMatches: PrivateView[] }>(api, PRIVATE_FIELDS, { offerId }, donor.admin.accessToken, 'fr');
    expect(body.errors).toBeUndefined();
    const [first, second] = body.data?.offerMatches ?? [];
    expect(first).toMatchObject({ recipient: { id: near.organizationId }, fit: 'WHOLE_LOT', absorbableKg: null });
    expect(first?.reasons).toEqual(['habilitation vérifiée', expect.stringMatching(/^à \d+(,\d)? km$/), 'peut prendre tout le lot']);
    expect(second).toMatchObject({ recipient: { id: far.organizationId }, fit: 'PART_OF_LOT', absorbableKg: null });
    expect(second?.reasons.at(-1)).toBe('peut prendre une partie du lot');
    const said = JSON.stringify(body.data);
    for (const secret of ['place libre', 'rayon', 'peu servie', 'kg par personne']) expect(said).not.toContain(secret);
  });

  it('shows a platform admin every reason, with the kg each recipient could take', async () => {
    const body = await gql<{ offerMatches: PrivateView[] }>(api, PRIVATE_FIELDS, { offerId }, platformAdmin.accessToken, 'fr');
    expect(body.errors).toBeUndefined();
    const [first, second] = body.data?.offerMatches ?? [];
    expect(first).toMatchObject({ recipient: { id: near.organizationId }, fit: 'WHOLE_LOT', absorbableKg: 120 });
    expect(second).toMatchObject({ recipient: { id: far.organizationId }, fit: 'PART_OF_LOT', absorbableKg: 60 });
    expect(second?.reasons.join(' | ')).toContain('kg de place libre en sec');
  });

  it('shows the recipient its own detailed reasons in claimableOffers', async () => {
    const page = await gqlOk<{ claimableOffers: { edges: Array<{ node: PrivateView }> } }>(
      api,
      `query ($organizationId: ID!) { claimableOffers(organizationId: $organizationId) { edges { node { recipient { id } fit absorbableKg reasons } } } }`,
      { organizationId: far.organizationId },
      far.admin.accessToken,
    );
    expect(page.claimableOffers.edges[0]?.node).toMatchObject({ recipient: { id: far.organizationId }, fit: 'PART_OF_LOT', absorbableKg: 60 });
    expect(page.claimableOffers.edges[0]?.node.reasons.join(' | ')).toContain('60 kg of free ambient storage');
  });

  it('lists the offer in claimableOffers for a recipient that may take it, page by page', async () => {
    const page = await gqlOk<{
      claimableOffers: { edges: Array<{ cursor: string; node: MatchView }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(api, CLAIMABLE, { organizationId: near.organizationId, first: 1 }, near.admin.accessToken);
    expect(page.claimableOffers.edges.map((edge) => edge.node.offer.id)).toEqual([offerId]);
    expect(page.claimableOffers.edges[0]?.node).toMatchObject({ recipient: { id: near.organizationId }, site: { id: near.siteId } });
    expect(page.claimableOffers.pageInfo).toEqual({ hasNextPage: false, endCursor: page.claimableOffers.edges[0]?.cursor });

    const next = await gqlOk<{ claimableOffers: { edges: unknown[] } }>(
      api,
      CLAIMABLE,
      { organizationId: near.organizationId, after: page.claimableOffers.pageInfo.endCursor },
      near.admin.accessToken,
    );
    expect(next.claimableOffers.edges).toEqual([]);
  });

  it('refuses another organisation: a recipient asking for a donor’s matches, a donor asking for a recipient’s claimable offers', async () => {
    const matches = await gql(api, OFFER_MATCHES, { offerId }, near.admin.accessToken);
    expect(matches.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    const claimable = await gql(api, CLAIMABLE, { organizationId: near.organizationId }, donor.admin.accessToken);
    expect(claimable.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    const anonymous = await gql(api, OFFER_MATCHES, { offerId });
    expect(anonymous.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers coded errors for an unknown offer, a bad page size and a bad cursor', async () => {
    const unknown = await gql(api, OFFER_MATCHES, { offerId: '00000000-0000-4000-8000-000000000000' }, donor.admin.accessToken);
    expect(unknown.errors?.map((error) => error.extensions.code)).toEqual(['NOT_FOUND']);
    const tooMany = await gql(api, OFFER_MATCHES, { offerId, first: 1000 }, donor.admin.accessToken);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_PAGE_SIZE', field: 'first' });
    const badCursor = await gql(api, CLAIMABLE, { organizationId: near.organizationId, after: 'xyz' }, near.admin.accessToken);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CURSOR', field: 'after' });
  });
});

describe('offerMatches rate limit, shared by every API instance', () => {
  let services: TestServices;
  let first: RunningApi;
  let second: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices({ OFFER_MATCHES_PER_USER_PER_MINUTE: '3' });
    [first, second] = await Promise.all([startApi(services.config), startApi(services.config)]);
  });

  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    await services?.release();
  });

  it('answers RATE_LIMITED with the wait once an account has spent its calls on any instance; other accounts go on', async () => {
    const donor = await registerDonor(first);
    const other = await registerDonor(first, undefined, 'Boulangerie du Port');
    const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
      first,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: 'Pain',
          items: [itemInput({ quantityKg: 10 })],
          pickupFrom: new Date(Date.now() + 2 * HOUR_MS).toISOString(),
          pickupUntil: new Date(Date.now() + 4 * HOUR_MS).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    const ask = (api: RunningApi, token: string) => gql<{ offerMatches: unknown[] }>(api, OFFER_MATCHES, { offerId: createOffer.id }, token);
    for (const api of [first, second, first]) expect((await ask(api, donor.admin.accessToken)).errors).toBeUndefined();
    const refused = await ask(second, donor.admin.accessToken);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: expect.any(Number) as number } });
    expect(refused.data).toBeNull();
    // Counted per account: the other donor is still answered (FORBIDDEN, since the offer is not its own).
    expect((await ask(first, other.admin.accessToken)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
