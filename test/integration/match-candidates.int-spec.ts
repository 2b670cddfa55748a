import { Authorizer, FixedClock, FindClaimableOffers, FindOfferMatches, reasonsToTell, UnlimitedRateLimiter } from '#application';
import { SqlMatchCandidateFinder, TypeOrmMembershipRepository, TypeOrmOrganizationRepository } from '#persistence';
import {
  insertClaim,
  insertOffer,
  insertOrganization,
  insertRecipient,
  insertSite,
  KM_PER_DEGREE_LATITUDE,
  type ItemSpec,
} from '../support/factories/matching.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

// Monday 23 November 2026, 09:00 in Paris; the pickup window is 11:00–15:00 that day.
const NOW = new Date('2026-11-23T08:00:00Z');
const PICKUP_FROM = new Date('2026-11-23T10:00:00Z');
const PICKUP_UNTIL = new Date('2026-11-23T14:00:00Z');
const PICKUP_DAY = '2026-11-23';

describe('match candidates on the real PostgreSQL/PostGIS', () => {
  let services: TestServices;
  let finder: SqlMatchCandidateFinder;
  let offerMatches: FindOfferMatches;
  let claimable: FindClaimableOffers;
  let donorId: string;
  // Each scenario has its own place, several degrees apart, so recipients of one never reach another's offer.
  let nextLatitude = 43.0;

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    finder = new SqlMatchCandidateFinder(ds);
    const clock = new FixedClock(NOW);
    const authorizer = new Authorizer(new TypeOrmMembershipRepository(ds));
    offerMatches = new FindOfferMatches(finder, authorizer, new TypeOrmOrganizationRepository(ds), clock, new UnlimitedRateLimiter());
    claimable = new FindClaimableOffers(finder, authorizer, new TypeOrmOrganizationRepository(ds), clock);
    donorId = await insertOrganization(ds, 'DONOR');
  });

  afterAll(async () => {
    await services?.release();
  });

  async function anOffer(items: readonly ItemSpec[], options: { status?: string; latitude?: number; longitude?: number } = {}) {
    const latitude = options.latitude ?? nextLatitude;
    const longitude = options.longitude ?? 2.35;
    if (options.latitude === undefined) nextLatitude += 0.6;
    const siteId = await insertSite(services.dataSource, donorId, { latitude, longitude });
    const offer = await insertOffer(services.dataSource, {
      donorOrganizationId: donorId,
      siteId,
      latitude,
      longitude,
      status: options.status ?? 'PUBLISHED',
      pickupFrom: PICKUP_FROM,
      pickupUntil: PICKUP_UNTIL,
      items,
    });
    return { ...offer, latitude, longitude };
  }

  const north = (latitude: number, km: number): number => latitude + km / KM_PER_DEGREE_LATITUDE;
  const matchedIds = async (offerId: string): Promise<string[]> => (await offerMatches.rankedMatches(offerId)).map((match) => match.recipientOrganizationId);

  it('keeps a recipient 48 km away with a 50 km radius and leaves out one 52 km away with the same radius', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 40 }]);
    const near = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 48), longitude: offer.longitude }, { serviceRadiusKm: 50 });
    const far = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 52), longitude: offer.longitude }, { serviceRadiusKm: 50 });

    const matches = await offerMatches.rankedMatches(offer.offerId);
    const ids = matches.map((match) => match.recipientOrganizationId);
    expect(ids).toContain(near.organizationId);
    expect(ids).not.toContain(far.organizationId);
    const match = matches.find((candidate) => candidate.recipientOrganizationId === near.organizationId);
    expect(match?.siteId).toBe(near.siteId);
    expect(match?.distanceKm).toBeGreaterThan(47);
    expect(match?.distanceKm).toBeLessThan(49);
  });

  it('leaves out a recipient whose chilled storage is already taken that day, and counts neither cancelled claims nor other days', async () => {
    const offer = await anOffer([{ category: 'FOOD.DAIRY.YOGURT', kg: 30, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-20' }]);
    const earlier = await anOffer([{ category: 'FOOD.DAIRY.MILK', kg: 500, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-20' }], {
      latitude: offer.latitude,
      longitude: offer.longitude + 0.01,
    });
    const full = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 5), longitude: offer.longitude }, { chilledKg: 100 });
    const freeAgain = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 6), longitude: offer.longitude }, { chilledKg: 100 });
    const otherDay = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 7), longitude: offer.longitude }, { chilledKg: 100 });
    const line = (kg: number) => [{ itemId: earlier.itemIds[0] ?? '', kg, temperature: 'CHILLED' as const }];
    await insertClaim(services.dataSource, { offerId: earlier.offerId, recipientOrganizationId: full.organizationId, pickupDay: PICKUP_DAY, lines: line(100) });
    await insertClaim(services.dataSource, {
      offerId: earlier.offerId,
      recipientOrganizationId: freeAgain.organizationId,
      pickupDay: PICKUP_DAY,
      status: 'CANCELLED',
      lines: line(100),
    });
    await insertClaim(services.dataSource, {
      offerId: earlier.offerId,
      recipientOrganizationId: otherDay.organizationId,
      pickupDay: '2026-11-24',
      lines: line(100),
    });

    const ids = await matchedIds(offer.offerId);
    expect(ids).not.toContain(full.organizationId);
    expect(ids).toContain(freeAgain.organizationId);
    expect(ids).toContain(otherDay.organizationId);
  });

  it('never matches an unverified recipient', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.PASTA_RICE', kg: 20 }]);
    const unverified = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 2), longitude: offer.longitude }, {}, { verified: false });
    const verified = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 3), longitude: offer.longitude });

    const ids = await matchedIds(offer.offerId);
    expect(ids).toContain(verified.organizationId);
    expect(ids).not.toContain(unverified.organizationId);
  });

  it('leaves out a recipient closed on the pickup day, and one that does not receive during the window', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 20 }]);
    const closed = await insertRecipient(services.dataSource, {
      latitude: north(offer.latitude, 2),
      longitude: offer.longitude,
      closures: [{ from: '2026-11-20', to: '2026-11-23' }],
    });
    const mornings = await insertRecipient(services.dataSource, {
      latitude: north(offer.latitude, 3),
      longitude: offer.longitude,
      // Monday 08:00–10:00 Paris time ends before the window opens (11:00).
      openingHours: [{ weekday: 1, intervals: [{ start: '08:00', end: '10:00' }] }],
    });
    const afternoons = await insertRecipient(services.dataSource, {
      latitude: north(offer.latitude, 4),
      longitude: offer.longitude,
      openingHours: [{ weekday: 1, intervals: [{ start: '14:00', end: '18:00' }] }],
    });

    const ids = await matchedIds(offer.offerId);
    expect(ids).not.toContain(closed.organizationId);
    expect(ids).not.toContain(mornings.organizationId);
    expect(ids).toContain(afternoons.organizationId);
  });

  it('follows the category hierarchy: accepting FOOD.DAIRY takes cheese, accepting FOOD.MEAT does not', async () => {
    const offer = await anOffer([{ category: 'FOOD.DAIRY.CHEESE', kg: 12, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-31' }]);
    const dairy = await insertRecipient(
      services.dataSource,
      { latitude: north(offer.latitude, 2), longitude: offer.longitude },
      { acceptedCategories: ['FOOD.DAIRY'] },
    );
    const cheeseOnly = await insertRecipient(
      services.dataSource,
      { latitude: north(offer.latitude, 3), longitude: offer.longitude },
      { acceptedCategories: ['FOOD.DAIRY.CHEESE'] },
    );
    const meat = await insertRecipient(
      services.dataSource,
      { latitude: north(offer.latitude, 4), longitude: offer.longitude },
      { acceptedCategories: ['FOOD.MEAT'] },
    );
    const yogurt = await insertRecipient(
      services.dataSource,
      { latitude: north(offer.latitude, 5), longitude: offer.longitude },
      { acceptedCategories: ['FOOD.DAIRY.YOGURT'] },
    );

    const ids = await matchedIds(offer.offerId);
    expect(ids).toEqual(expect.arrayContaining([dairy.organizationId, cheeseOnly.organizationId]));
    expect(ids).not.toContain(meat.organizationId);
    expect(ids).not.toContain(yogurt.organizationId);
  });

  it('ranks the nearer of two otherwise equal recipients first, with reasons in French and English', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 50 }]);
    const far = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 20), longitude: offer.longitude });
    const near = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 2), longitude: offer.longitude });

    const matches = await offerMatches.rankedMatches(offer.offerId);
    expect(matches.map((match) => match.recipientOrganizationId)).toEqual([near.organizationId, far.organizationId]);
    expect(matches.map((match) => match.rank)).toEqual([1, 2]);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
    const told = reasonsToTell(matches[0]?.reasons ?? []);
    expect(told.map((reason) => reason.fr)).toContain('habilitation vérifiée');
    expect(told.map((reason) => reason.en)).toContain('habilitation verified');
    expect(await offerMatches.rankedMatches(offer.offerId, 1)).toHaveLength(1);
  });

  it('gives a recipient with two sites near an offer once, at its best site', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 50 }]);
    const recipient = await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 15), longitude: offer.longitude });
    const nearSite = await insertSite(services.dataSource, recipient.organizationId, { latitude: north(offer.latitude, 1), longitude: offer.longitude });

    const matches = await offerMatches.rankedMatches(offer.offerId);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.siteId).toBe(nearSite);
  });

  it('matches no one for a withdrawn offer', async () => {
    const offer = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 50 }], { status: 'WITHDRAWN' });
    await insertRecipient(services.dataSource, { latitude: north(offer.latitude, 1), longitude: offer.longitude });
    expect(await offerMatches.rankedMatches(offer.offerId)).toEqual([]);
  });

  describe('claimableOffers', () => {
    it('lists the open offers within the recipient’s radius it may take, best first, page by page', async () => {
      const latitude = nextLatitude;
      nextLatitude += 0.6;
      const recipient = await insertRecipient(services.dataSource, { latitude, longitude: 2.35 }, { serviceRadiusKm: 20, acceptedCategories: ['FOOD.DRY'] });
      const at = (km: number) => ({ latitude: north(latitude, km), longitude: 2.35 });
      const nearest = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 30 }], at(1));
      const middle = await anOffer([{ category: 'FOOD.DRY.PASTA_RICE', kg: 30 }], at(8));
      const farthest = await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 30 }], at(15));
      await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 30 }], at(25)); // outside its radius
      await anOffer([{ category: 'FOOD.MEAT.FRESH', kg: 30, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-12-01' }], at(2)); // not a category it takes
      await anOffer([{ category: 'FOOD.DRY.CANNED', kg: 30 }], { ...at(3), status: 'DRAFT' }); // not open

      const actor = { userId: '00000000-0000-4000-8000-000000000001', platformAdmin: false, emailVerified: true };
      await expect(claimable.execute({ actor, organizationId: recipient.organizationId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

      await services.dataSource.query('INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)', [
        actor.userId,
        'staff@example.fr',
        'Staff',
        'x',
      ]);
      await services.dataSource.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'STAFF')", [
        recipient.organizationId,
        actor.userId,
      ]);

      const all = await claimable.execute({ actor, organizationId: recipient.organizationId });
      expect(all.edges.map((edge) => edge.node.offerId)).toEqual([nearest.offerId, middle.offerId, farthest.offerId]);
      expect(all.pageInfo.hasNextPage).toBe(false);

      const first = await claimable.execute({ actor, organizationId: recipient.organizationId, first: 2 });
      expect(first.edges.map((edge) => edge.node.offerId)).toEqual([nearest.offerId, middle.offerId]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await claimable.execute({ actor, organizationId: recipient.organizationId, first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge) => edge.node.offerId)).toEqual([farthest.offerId]);
      expect(second.pageInfo.hasNextPage).toBe(false);

      await expect(claimable.execute({ actor, organizationId: recipient.organizationId, after: 'nope' })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
        field: 'after',
      });
    });
  });
});
