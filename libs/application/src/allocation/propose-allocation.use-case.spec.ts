import { MemberRole, OpeningHours, OrganizationKind, TemperatureClass, DateKind, type CalendarDay } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { MembershipRepository, type MemberPage } from '../organizations/membership-repository.port';
import type { Membership } from '../organizations/organization.model';
import { FixedClock } from '../ports/clock.port';
import {
  AllocationCandidateSource,
  type AllocationArea,
  type AllocationCandidateCounts,
  type AllocationCandidates,
  type AllocationCoordinator,
} from './allocation-candidate-source.port';
import { MAX_ALLOCATION_ITEMS, ProposeAllocation } from './propose-allocation.use-case';

const NOW = new Date('2026-11-23T08:00:00Z');
const BANK = 'bank';

class FakeMemberships extends MembershipRepository {
  constructor(private readonly roles: ReadonlyMap<string, MemberRole>) {
    super();
  }
  async roleOf(userId: string, organizationId: string): Promise<MemberRole | undefined> {
    return this.roles.get(`${userId}/${organizationId}`);
  }
  async listForUsers(): Promise<Membership[]> {
    return [];
  }
  async add(): Promise<Membership | undefined> {
    return undefined;
  }
  async listMembers(): Promise<MemberPage> {
    return { members: [], hasNextPage: false };
  }
}

class FakeSource extends AllocationCandidateSource {
  loads = 0;
  lastDay: CalendarDay | undefined;

  constructor(
    private readonly coordinators: ReadonlyMap<string, AllocationCoordinator>,
    private readonly candidates: AllocationCandidates,
    private readonly counts?: AllocationCandidateCounts,
  ) {
    super();
  }
  async findCoordinator(organizationId: string): Promise<AllocationCoordinator | undefined> {
    return this.coordinators.get(organizationId);
  }
  async count(): Promise<AllocationCandidateCounts> {
    return (
      this.counts ?? {
        items: this.candidates.offers.reduce((sum, offer) => sum + offer.items.length, 0),
        recipients: this.candidates.recipients.length,
      }
    );
  }
  async load(_area: AllocationArea, day: CalendarDay): Promise<AllocationCandidates> {
    this.loads += 1;
    this.lastDay = day;
    return this.candidates;
  }
}

const coordinator = (overrides: Partial<AllocationCoordinator> = {}): AllocationCoordinator => ({
  organizationId: BANK,
  kind: OrganizationKind.RECIPIENT,
  verified: true,
  serviceRadiusKm: 40,
  siteCount: 1,
  ...overrides,
});

const ALWAYS_OPEN = OpeningHours.everyDay([{ start: '00:00', end: '24:00' }]);

/**
 * Where nearest-first goes wrong: the "shared" lot is nearest to A, but B can take it too, while
 * the "only-a" lot can go to A alone. Greedy gives shared to A and leaves only-a behind.
 */
const SCENARIO: AllocationCandidates = {
  offers: [
    {
      id: 'shared-offer',
      donorOrganizationId: 'donor',
      location: { latitude: 45.75, longitude: 4.85 },
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [{ id: 'shared', categoryCode: 'FOOD.DRY', remainingKg: 10, temperature: TemperatureClass.AMBIENT, dateKind: DateKind.NONE, date: null }],
    },
    {
      id: 'only-a-offer',
      donorOrganizationId: 'donor',
      location: { latitude: 45.8, longitude: 4.9 },
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [{ id: 'only-a', categoryCode: 'FOOD.DRY', remainingKg: 10, temperature: TemperatureClass.AMBIENT, dateKind: DateKind.NONE, date: null }],
    },
  ],
  recipients: ['A', 'B'].map((organizationId) => ({
    organizationId,
    acceptedCategoryCodes: ['FOOD'],
    serviceRadiusKm: 30,
    dlcMarginHours: 48,
    dailyCapacityKg: { AMBIENT: 10, CHILLED: 0, FROZEN: 0 },
    claimedKgOnDay: {},
    sites: [{ siteId: `${organizationId}-site`, location: { latitude: 45.76, longitude: 4.86 }, openingHours: ALWAYS_OPEN, closures: [] }],
  })),
  distances: [
    { offerId: 'shared-offer', recipientOrganizationId: 'A', siteId: 'A-site', distanceKm: 2 },
    { offerId: 'shared-offer', recipientOrganizationId: 'B', siteId: 'B-site', distanceKm: 8 },
    { offerId: 'only-a-offer', recipientOrganizationId: 'A', siteId: 'A-site', distanceKm: 5 },
  ],
};

const STAFF: Actor = { userId: 'staff', platformAdmin: false, emailVerified: true };
const DRIVER: Actor = { userId: 'driver', platformAdmin: false, emailVerified: true };
const OUTSIDER: Actor = { userId: 'outsider', platformAdmin: false, emailVerified: true };
const ADMIN: Actor = { userId: 'platform', platformAdmin: true, emailVerified: true };

function useCase(source: FakeSource): ProposeAllocation {
  const roles = new Map([
    [`staff/${BANK}`, MemberRole.STAFF],
    [`driver/${BANK}`, MemberRole.DRIVER],
  ]);
  return new ProposeAllocation(source, new Authorizer(new FakeMemberships(roles)), new FixedClock(NOW));
}

describe('ProposeAllocation', () => {
  it('proposes to a platform admin the optimal split, capacities respected, and reports the greedy figures it beats', async () => {
    const proposal = await useCase(new FakeSource(new Map([[BANK, coordinator()]]), SCENARIO)).execute({ actor: ADMIN, organizationId: BANK });
    expect(proposal.scope).toBe('WHOLE');
    expect(proposal.day).toBe('2026-11-23');
    expect(proposal.proposedClaims.map((claim) => [claim.offerId, claim.recipientOrganizationId, claim.totalKg])).toEqual([
      ['only-a-offer', 'A', 10],
      ['shared-offer', 'B', 10],
    ]);
    expect(proposal.figures.totalKg).toBe(20);
    expect(proposal.greedy.totalKg).toBe(10);
    expect(proposal.figures.objective).toBeGreaterThanOrEqual(proposal.greedy.objective);
    expect(proposal.unallocatedKg).toBe(0);
    expect([proposal.offerCount, proposal.itemCount, proposal.recipientCount]).toEqual([2, 2, 2]);
  });

  it('shows a member its own organisation’s lines only, with the figures of those lines and no area totals', async () => {
    const source = new FakeSource(new Map([['A', coordinator({ organizationId: 'A' })]]), SCENARIO);
    const roles = new Map([['a-staff/A', MemberRole.STAFF]]);
    const proposal = await new ProposeAllocation(source, new Authorizer(new FakeMemberships(roles)), new FixedClock(NOW)).execute({
      actor: { userId: 'a-staff', platformAdmin: false, emailVerified: true },
      organizationId: 'A',
    });
    expect(proposal.scope).toBe('OWN_LINES');
    expect(proposal.proposedClaims.map((claim) => [claim.offerId, claim.recipientOrganizationId, claim.totalKg])).toEqual([['only-a-offer', 'A', 10]]);
    expect(proposal.figures).toMatchObject({ totalKg: 10, claimCount: 1 });
    // Nearest-first gives A the shared lot instead: the greedy's own line.
    expect(proposal.greedy).toMatchObject({ totalKg: 10, claimCount: 1 });
    expect(proposal.recipientCount).toBeUndefined();
    expect(proposal.unallocatedKg).toBeUndefined();
  });

  it('shows the bank’s staff nothing of its partners’ lines', async () => {
    const proposal = await useCase(new FakeSource(new Map([[BANK, coordinator()]]), SCENARIO)).execute({
      actor: STAFF,
      organizationId: BANK,
      day: '2026-11-23',
    });
    expect(proposal.proposedClaims).toEqual([]);
    expect(proposal.figures.totalKg).toBe(0);
    expect(proposal.greedy.totalKg).toBe(0);
  });

  it.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['a driver', DRIVER, 'FORBIDDEN'],
    ['an outsider', OUTSIDER, 'FORBIDDEN'],
  ])('refuses %s', async (_label, actor, code) => {
    const source = new FakeSource(new Map([[BANK, coordinator()]]), SCENARIO);
    await expect(useCase(source).execute({ actor, organizationId: BANK })).rejects.toMatchObject({ code });
    expect(source.loads).toBe(0);
  });

  it.each([
    ['a donor', coordinator({ kind: OrganizationKind.DONOR }), 'NOT_A_RECIPIENT'],
    ['an unverified recipient', coordinator({ verified: false }), 'RECIPIENT_NOT_VERIFIED'],
    ['a recipient without a profile', coordinator({ serviceRadiusKm: null }), 'RECIPIENT_PROFILE_MISSING'],
  ])('refuses to coordinate for %s', async (_label, found, code) => {
    const source = new FakeSource(new Map([[BANK, found]]), SCENARIO);
    await expect(useCase(source).execute({ actor: ADMIN, organizationId: BANK })).rejects.toMatchObject({ code, field: 'organizationId' });
  });

  it('answers NOT_FOUND to a platform admin naming an unknown organisation', async () => {
    await expect(useCase(new FakeSource(new Map(), SCENARIO)).execute({ actor: ADMIN, organizationId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'organizationId',
    });
  });

  it('refuses a malformed day with INVALID_DATE on day', async () => {
    const source = new FakeSource(new Map([[BANK, coordinator()]]), SCENARIO);
    await expect(useCase(source).execute({ actor: STAFF, organizationId: BANK, day: '2026-02-30' })).rejects.toMatchObject({
      code: 'INVALID_DATE',
      field: 'day',
    });
  });

  it('refuses an oversized problem before loading it', async () => {
    const source = new FakeSource(new Map([[BANK, coordinator()]]), SCENARIO, { items: MAX_ALLOCATION_ITEMS + 1, recipients: 3 });
    await expect(useCase(source).execute({ actor: STAFF, organizationId: BANK })).rejects.toMatchObject({
      code: 'ALLOCATION_TOO_LARGE',
      params: { items: MAX_ALLOCATION_ITEMS + 1, recipients: 3 },
    });
    expect(source.loads).toBe(0);
  });

  it('proposes nothing for a coordinator without a site (no area)', async () => {
    const source = new FakeSource(new Map([[BANK, coordinator({ siteCount: 0 })]]), SCENARIO);
    const proposal = await useCase(source).execute({ actor: STAFF, organizationId: BANK });
    expect(proposal.proposedClaims).toEqual([]);
    expect(source.loads).toBe(0);
  });
});
