import { Authorizer, FixedClock, ProposeAllocation, type AllocationProposal } from '#application';
import { SqlAllocationCandidateSource, TypeOrmMembershipRepository } from '#persistence';
import { insertFoodBank, north } from '../support/factories/allocation.factory';
import { insertClaim, insertOffer, insertOrganization, insertRecipient, insertSite, type ItemSpec } from '../support/factories/matching.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

// Monday 23 November 2026, 09:00 in Paris; the pickup windows are 11:00–15:00 that day.
const NOW = new Date('2026-11-23T08:00:00Z');
const PICKUP_FROM = new Date('2026-11-23T10:00:00Z');
const PICKUP_UNTIL = new Date('2026-11-23T14:00:00Z');
const PICKUP_DAY = '2026-11-23';
const LONGITUDE = 4.0;
const PLATFORM_ADMIN = { userId: '00000000-0000-4000-8000-00000000a11c', platformAdmin: true, emailVerified: true };

/**
 * A food bank and its area on the real PostgreSQL/PostGIS: the allocator's proposal respects every
 * recipient's storage (minus what it already claimed that day), DLC margins and radii, stays inside
 * the bank's area, and does better than nearest-first.
 */
describe('allocation proposal on the real PostgreSQL/PostGIS', () => {
  let services: TestServices;
  let propose: ProposeAllocation;
  let donorId: string;

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    propose = new ProposeAllocation(new SqlAllocationCandidateSource(ds), new Authorizer(new TypeOrmMembershipRepository(ds)), new FixedClock(NOW));
    donorId = await insertOrganization(ds, 'DONOR', { name: 'Hyper du Centre' });
  });

  afterAll(async () => {
    await services?.release();
  });

  /** The bank: a verified recipient with no storage of its own, dispatching within 40 km. */
  const aFoodBank = (latitude: number): Promise<string> => insertFoodBank(services.dataSource, { latitude, longitude: LONGITUDE });

  async function anOffer(latitude: number, items: readonly ItemSpec[], options: { status?: string; pickupUntil?: Date; pickupFrom?: Date } = {}) {
    const siteId = await insertSite(services.dataSource, donorId, { latitude, longitude: LONGITUDE });
    return insertOffer(services.dataSource, {
      donorOrganizationId: donorId,
      siteId,
      latitude,
      longitude: LONGITUDE,
      status: options.status ?? 'PUBLISHED',
      pickupFrom: options.pickupFrom ?? PICKUP_FROM,
      pickupUntil: options.pickupUntil ?? PICKUP_UNTIL,
      items,
    });
  }

  const kgOf = (proposal: AllocationProposal, recipientId: string): number =>
    proposal.proposedClaims.filter((claim) => claim.recipientOrganizationId === recipientId).reduce((sum, claim) => sum + claim.totalKg, 0);

  describe('one bank, its partners, and what lies outside', () => {
    const lat0 = 44.0;
    let bankId: string;
    const ids: Record<string, string> = {};
    let proposal: AllocationProposal;

    beforeAll(async () => {
      const ds = services.dataSource;
      bankId = await aFoodBank(lat0);
      const recipient = async (name: string, km: number, profile: Parameters<typeof insertRecipient>[2], options: { verified?: boolean } = {}) => {
        ids[name] = (await insertRecipient(ds, { latitude: north(lat0, km), longitude: LONGITUDE }, profile, { ...options, name })).organizationId;
      };
      // Dry goods: A is nearest to the shared lot, but only A reaches the southern one.
      await recipient('A', 5, { acceptedCategories: ['FOOD.DRY'], ambientKg: 10, chilledKg: 0, frozenKg: 0, serviceRadiusKm: 30 });
      await recipient('B', 25, { acceptedCategories: ['FOOD.DRY'], ambientKg: 10, chilledKg: 0, frozenKg: 0, serviceRadiusKm: 12 });
      // Dairy: C declared 100 kg chilled and already claimed 80 kg for the day (and 50 kg cancelled).
      await recipient('C', 3, { acceptedCategories: ['FOOD.DAIRY'], ambientKg: 0, chilledKg: 100, frozenKg: 0 });
      // Meat with a short DLC: D redistributes within 24 h, E needs the legal 48 h.
      await recipient('D', 2, { acceptedCategories: ['FOOD.MEAT'], ambientKg: 0, chilledKg: 100, frozenKg: 0, dlcMarginHours: 24 });
      await recipient('E', 1, { acceptedCategories: ['FOOD.MEAT'], ambientKg: 0, chilledKg: 100, frozenKg: 0, dlcMarginHours: 48 });
      // Outside the bank's 40 km though its own radius reaches everything; and an unverified one inside.
      await recipient('far', 100, { acceptedCategories: ['FOOD'], ambientKg: 1000, chilledKg: 1000, serviceRadiusKm: 300 });
      await recipient('unverified', 1, { acceptedCategories: ['FOOD'], ambientKg: 1000, chilledKg: 1000 }, { verified: false });

      const earlier = await anOffer(north(lat0, 6), [{ category: 'FOOD.DAIRY.MILK', kg: 200, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-20' }], {
        status: 'CLAIMED',
      });
      const line = (kg: number) => [{ itemId: earlier.itemIds[0] ?? '', kg, temperature: 'CHILLED' as const }];
      await insertClaim(ds, { offerId: earlier.offerId, recipientOrganizationId: ids['C'] ?? '', pickupDay: PICKUP_DAY, lines: line(80) });
      await insertClaim(ds, { offerId: earlier.offerId, recipientOrganizationId: ids['C'] ?? '', pickupDay: PICKUP_DAY, status: 'CANCELLED', lines: line(50) });

      ids['shared'] = (await anOffer(north(lat0, 14), [{ category: 'FOOD.DRY.CANNED', kg: 10 }])).offerId;
      ids['southern'] = (await anOffer(north(lat0, -10), [{ category: 'FOOD.DRY.PASTA_RICE', kg: 10 }])).offerId;
      ids['dairy'] = (
        await anOffer(north(lat0, 6), [{ category: 'FOOD.DAIRY.YOGURT', kg: 50, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-01' }])
      ).offerId;
      // The DLC ends 24 November at midnight: 33 h after the window closes.
      ids['meat'] = (
        await anOffer(north(lat0, 4), [{ category: 'FOOD.MEAT.FRESH', kg: 8, temperature: 'CHILLED', dateKind: 'DLC', date: '2026-11-24' }])
      ).offerId;
      ids['outside'] = (await anOffer(north(lat0, 100), [{ category: 'FOOD.DRY.CANNED', kg: 10 }])).offerId;
      ids['draft'] = (await anOffer(north(lat0, 2), [{ category: 'FOOD.DRY.CANNED', kg: 10 }], { status: 'DRAFT' })).offerId;
      ids['over'] = (
        await anOffer(north(lat0, 2), [{ category: 'FOOD.DRY.CANNED', kg: 10 }], {
          pickupFrom: new Date('2026-11-23T05:00:00Z'),
          pickupUntil: new Date('2026-11-23T07:00:00Z'),
        })
      ).offerId;

      proposal = await propose.execute({ actor: PLATFORM_ADMIN, organizationId: bankId });
    });

    it('splits the dry goods so both lots are saved, where nearest-first saves one', () => {
      expect(proposal.proposedClaims.filter((claim) => claim.offerId === ids['shared']).map((claim) => claim.recipientOrganizationId)).toEqual([ids['B']]);
      expect(proposal.proposedClaims.filter((claim) => claim.offerId === ids['southern']).map((claim) => claim.recipientOrganizationId)).toEqual([ids['A']]);
      expect(kgOf(proposal, ids['A'] ?? '')).toBe(10);
      expect(kgOf(proposal, ids['B'] ?? '')).toBe(10);
    });

    it('deducts the kg already claimed that day (not the cancelled ones) from the storage declared', () => {
      expect(kgOf(proposal, ids['C'] ?? '')).toBe(20);
    });

    it('gives a short-DLC item only to the recipient whose margin it leaves', () => {
      const meat = proposal.proposedClaims.filter((claim) => claim.offerId === ids['meat']);
      expect(meat.map((claim) => [claim.recipientOrganizationId, claim.totalKg])).toEqual([[ids['D'], 8]]);
      expect(kgOf(proposal, ids['E'] ?? '')).toBe(0);
    });

    it('stays inside the bank’s area and leaves out unverified recipients and offers not open for the day', () => {
      const offerIds = new Set(proposal.proposedClaims.map((claim) => claim.offerId));
      const recipientIds = new Set(proposal.proposedClaims.map((claim) => claim.recipientOrganizationId));
      for (const excluded of ['outside', 'draft', 'over']) expect(offerIds.has(ids[excluded] ?? '')).toBe(false);
      expect(recipientIds.has(ids['far'] ?? '')).toBe(false);
      expect(recipientIds.has(ids['unverified'] ?? '')).toBe(false);
      // The bank itself, A to E.
      expect(proposal.recipientCount).toBe(6);
      expect(proposal.offerCount).toBe(4);
    });

    it('reports its figures against the greedy: never worse, here 10 kg better', () => {
      expect(proposal.figures.totalKg).toBe(48);
      expect(proposal.greedy.totalKg).toBe(38);
      expect(proposal.figures.objective).toBeGreaterThanOrEqual(proposal.greedy.objective);
      expect(proposal.unallocatedKg).toBe(30);
      const distances = proposal.proposedClaims.map((claim) => claim.distanceKm);
      for (const distance of distances) expect(distance).toBeGreaterThan(0);
      expect(proposal.figures.distanceKm).toBeCloseTo(
        distances.reduce((sum, distance) => sum + distance, 0),
        2,
      );
    });

    it('proposes nothing for a day without pickups', async () => {
      const other = await propose.execute({ actor: PLATFORM_ADMIN, organizationId: bankId, day: '2026-11-24' });
      expect(other.proposedClaims).toEqual([]);
      expect(other.day).toBe('2026-11-24');
    });
  });

  it('refuses an area with more than 2 000 open items, before loading them', async () => {
    const lat0 = 47.0;
    const bankId = await aFoodBank(lat0);
    const { offerId } = await anOffer(north(lat0, 1), [{ category: 'FOOD.DRY.CANNED', kg: 1 }]);
    await services.dataSource.query(
      `INSERT INTO offer_items (id, offer_id, position, category, description, quantity_kg, remaining_kg, temperature, date_kind)
       SELECT gen_random_uuid(), $1, n, 'FOOD.DRY.CANNED', 'Boîte', 1, 1, 'AMBIENT', 'NONE' FROM generate_series(1, 2000) n`,
      [offerId],
    );
    await expect(propose.execute({ actor: PLATFORM_ADMIN, organizationId: bankId })).rejects.toMatchObject({
      code: 'ALLOCATION_TOO_LARGE',
      params: { items: 2001 },
    });
  });
});
