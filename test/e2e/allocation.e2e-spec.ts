import { MemberRole, parisDayOf } from '#domain';
import { insertFoodBank, north } from '../support/factories/allocation.factory';
import { insertMembership } from '../support/factories/people.factory';
import { insertOffer, insertOrganization, insertRecipient, insertSite } from '../support/factories/matching.factory';
import { gql, registerPlatformAdmin, registerUser, type GraphQLBody, type TestUser } from '../support/graphql-http';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const PROPOSE = `query ($organizationId: ID!, $day: Date) {
  proposeAllocation(organizationId: $organizationId, day: $day) {
    day totalKg weightedValue distanceCost distanceCostKm objective greedyTotalKg offerCount itemCount recipientCount unallocatedKg
    optimal { totalKg objective claimCount }
    greedy { totalKg objective claimCount }
    proposedClaims {
      offer { id title status donor { name } }
      recipient { id name verified recipientProfile { capacities { temperature kg } } }
      lines { item { id category remainingKg } quantityKg }
      totalKg distanceKm
    }
  }
}`;

interface Proposal {
  day: string;
  totalKg: number;
  weightedValue: number;
  distanceCost: number;
  distanceCostKm: number;
  objective: number;
  greedyTotalKg: number;
  offerCount: number;
  itemCount: number;
  recipientCount: number | null;
  unallocatedKg: number | null;
  optimal: { totalKg: number; objective: number; claimCount: number };
  greedy: { totalKg: number; objective: number; claimCount: number };
  proposedClaims: Array<{
    offer: { id: string; title: string; status: string; donor: { name: string } };
    recipient: { id: string; name: string; verified: boolean; recipientProfile: unknown };
    lines: Array<{ item: { id: string; category: string; remainingKg: number }; quantityKg: number }>;
    totalKg: number;
    distanceKm: number;
  }>;
}

const HOUR_MS = 3_600_000;
const LATITUDE = 45.2;
const LONGITUDE = 5.7;

describe('proposeAllocation over HTTP', () => {
  let services: TestServices;
  let api: RunningApi;
  let bankId: string;
  let staff: TestUser;
  let driver: TestUser;
  let outsider: TestUser;
  let partnerStaff: TestUser;
  let platformAdmin: TestUser;
  let day: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    const ds = services.dataSource;
    [staff, driver, outsider, partnerStaff] = await Promise.all([registerUser(api), registerUser(api), registerUser(api), registerUser(api)]);
    platformAdmin = await registerPlatformAdmin(api, ds);

    bankId = await insertFoodBank(ds, { latitude: LATITUDE, longitude: LONGITUDE });
    await insertMembership(ds, bankId, staff.id, MemberRole.STAFF);
    await insertMembership(ds, bankId, driver.id, MemberRole.DRIVER);
    const recipient = async (name: string, km: number, radiusKm: number) => {
      ids[name] = (
        await insertRecipient(
          ds,
          { latitude: north(LATITUDE, km), longitude: LONGITUDE },
          { acceptedCategories: ['FOOD.DRY'], ambientKg: 10, chilledKg: 0, frozenKg: 0, serviceRadiusKm: radiusKm },
          { name: `Épicerie ${name}` },
        )
      ).organizationId;
    };
    await recipient('A', 5, 30);
    await recipient('B', 25, 12);
    await insertMembership(ds, ids['A'] ?? '', partnerStaff.id, MemberRole.STAFF);

    // The API runs on the real clock: windows start in an hour; the pickup day is that one's Paris day.
    const pickupFrom = new Date(Date.now() + HOUR_MS);
    const pickupUntil = new Date(Date.now() + 2 * HOUR_MS);
    day = parisDayOf(pickupFrom);
    const donorId = await insertOrganization(ds, 'DONOR', { name: 'Hyper du Centre' });
    const offer = async (name: string, km: number, category: string) => {
      const latitude = north(LATITUDE, km);
      const siteId = await insertSite(ds, donorId, { latitude, longitude: LONGITUDE });
      const created = await insertOffer(ds, {
        donorOrganizationId: donorId,
        siteId,
        latitude,
        longitude: LONGITUDE,
        pickupFrom,
        pickupUntil,
        items: [{ category, kg: 10 }],
      });
      ids[name] = created.offerId;
      ids[`${name}-item`] = created.itemIds[0] ?? '';
    };
    // Nearest to A, reachable by B too; the southern lot reaches A only.
    await offer('shared', 14, 'FOOD.DRY.CANNED');
    await offer('southern', -10, 'FOOD.DRY.PASTA_RICE');
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  const propose = (token: string | undefined, variables: Record<string, unknown>) => gql<{ proposeAllocation: Proposal }>(api, PROPOSE, variables, token);
  const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions.code;

  it('gives a platform admin the whole optimal split, with its offers, items and recipients, and the greedy to compare', async () => {
    const body = await propose(platformAdmin.accessToken, { organizationId: bankId, day });
    expect(body.errors).toBeUndefined();
    const proposal = body.data?.proposeAllocation;
    expect(proposal?.day).toBe(day);
    expect(proposal?.proposedClaims.map((claim) => [claim.offer.id, claim.recipient.id, claim.totalKg])).toEqual(
      expect.arrayContaining([
        [ids['shared'], ids['B'], 10],
        [ids['southern'], ids['A'], 10],
      ]),
    );
    expect(proposal?.proposedClaims).toHaveLength(2);
    const shared = proposal?.proposedClaims.find((claim) => claim.offer.id === ids['shared']);
    expect(shared?.offer).toMatchObject({ status: 'PUBLISHED', donor: { name: 'Hyper du Centre' } });
    expect(shared?.lines).toEqual([{ item: { id: ids['shared-item'], category: 'FOOD.DRY.CANNED', remainingKg: 10 }, quantityKg: 10 }]);
    expect(shared?.distanceKm).toBeGreaterThan(10);
    expect(shared?.distanceKm).toBeLessThan(12);
    expect(proposal).toMatchObject({ totalKg: 20, greedyTotalKg: 10, offerCount: 2, itemCount: 2, recipientCount: 3, unallocatedKg: 0 });
    expect(proposal?.optimal).toMatchObject({ totalKg: 20, claimCount: 2 });
    expect(proposal?.greedy).toMatchObject({ totalKg: 10, claimCount: 1 });
    expect(proposal?.objective).toBeGreaterThanOrEqual(proposal?.greedy.objective ?? Infinity);
    // Each figure is rounded to 3 decimals on its own.
    expect(proposal?.objective).toBeCloseTo((proposal?.weightedValue ?? 0) - (proposal?.distanceCost ?? 0), 2);
  });

  it('shows the bank’s staff none of its partners’ lines, nor the area’s totals', async () => {
    const body = await propose(staff.accessToken, { organizationId: bankId, day });
    expect(body.errors).toBeUndefined();
    const proposal = body.data?.proposeAllocation;
    expect(proposal?.proposedClaims).toEqual([]);
    expect(proposal).toMatchObject({ totalKg: 0, greedyTotalKg: 0, offerCount: 2, itemCount: 2, recipientCount: null, unallocatedKg: null });
  });

  it('shows a partner’s staff its own lines only, with their figures', async () => {
    const body = await propose(partnerStaff.accessToken, { organizationId: ids['A'], day });
    expect(body.errors).toBeUndefined();
    const proposal = body.data?.proposeAllocation;
    expect(proposal?.proposedClaims.map((claim) => [claim.offer.id, claim.recipient.id, claim.totalKg])).toEqual([[ids['southern'], ids['A'], 10]]);
    expect(proposal?.proposedClaims[0]?.recipient.recipientProfile).not.toBeNull();
    expect(proposal).toMatchObject({ totalKg: 10, recipientCount: null, unallocatedKg: null, optimal: { totalKg: 10, claimCount: 1 } });
    // The partner's staff cannot ask for the bank's proposal instead.
    expect(codeOf(await propose(partnerStaff.accessToken, { organizationId: bankId, day }))).toBe('FORBIDDEN');
  });

  it('applies nothing: the offers keep all their kg', async () => {
    const [row] = await services.dataSource.query<Array<{ remaining: number; claims: number }>>(
      'SELECT (SELECT sum(remaining_kg)::float8 FROM offers WHERE id = ANY($1::uuid[])) AS remaining, (SELECT count(*)::int FROM claims) AS claims',
      [[ids['shared'], ids['southern']]],
    );
    expect(row).toEqual({ remaining: 20, claims: 0 });
  });

  it('lets a platform admin coordinate any recipient organisation, today by default', async () => {
    const body = await propose(platformAdmin.accessToken, { organizationId: bankId });
    expect(body.errors).toBeUndefined();
    expect(body.data?.proposeAllocation.day).toBe(parisDayOf(new Date()));
  });

  it.each([
    ['anonymous callers', undefined, 'UNAUTHENTICATED'],
    ['the bank’s drivers', 'driver', 'FORBIDDEN'],
    ['people outside the bank', 'outsider', 'FORBIDDEN'],
  ])('refuses %s', async (_label, who, code) => {
    const token = who === 'driver' ? driver.accessToken : who === 'outsider' ? outsider.accessToken : undefined;
    const body = await propose(token, { organizationId: bankId, day });
    expect(codeOf(body)).toBe(code);
    expect(body.data).toBeNull();
  });

  it('refuses an organisation that cannot coordinate (a donor) with a coded error on organizationId', async () => {
    const donorId = await insertOrganization(services.dataSource, 'DONOR');
    const body = await propose(platformAdmin.accessToken, { organizationId: donorId });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_A_RECIPIENT', field: 'organizationId' });
  });

  it('refuses a day that does not exist before anything runs: BAD_USER_INPUT on day', async () => {
    const body = await propose(staff.accessToken, { organizationId: bankId, day: '2026-02-30' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });
});
