import { OfferStatus, OpeningHours } from '#domain';
import fc from 'fast-check';
import { decodeClaimableOfferCursor, scoreKey } from './claimable-offer-cursor';
import type { BoundedCandidate, BoundedCandidatesRequest, ClaimableOffersSnapshot, MatchingRecipient, OfferCandidate } from './match-candidate-finder.port';
import { pageClaimableOffers } from './page-claimable-offers';
import { rankOfferCandidates } from './rank-offer-candidates';

const NOW = new Date('2026-11-23T08:00:00Z');
const ALWAYS_OPEN = OpeningHours.parse([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] })));
const SITE = { id: 'site', organizationId: 'recipient', openingHours: ALWAYS_OPEN, closures: [] };
const RECIPIENT: MatchingRecipient = {
  organizationId: 'recipient',
  verified: true,
  acceptedCategoryCodes: ['FOOD'],
  dailyCapacityKg: { AMBIENT: 1000, CHILLED: 0, FROZEN: 0 },
  serviceRadiusKm: 40,
  dlcMarginHours: 48,
  peopleServedPerWeek: 100,
  kgReceivedLast28Days: 200,
  claimedKgByDay: new Map(),
};

function offerId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** An open lot at `distanceKm`; its score depends on the distance alone, so equal distances tie. */
function candidate(n: number, distanceKm: number): OfferCandidate {
  return {
    offer: {
      id: offerId(n),
      donorOrganizationId: 'donor',
      siteId: 'donor-site',
      status: OfferStatus.PUBLISHED,
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [{ id: `item-${n}`, categoryCode: 'FOOD.DRY.CANNED', remainingKg: 30, temperature: 'AMBIENT', dateKind: 'NONE', date: null }],
    },
    site: SITE,
    distanceKm,
  };
}

function engineScore(lot: OfferCandidate): number | undefined {
  return rankOfferCandidates(lot.offer, [{ recipient: RECIPIENT, site: lot.site, distanceKm: lot.distanceKm }], NOW)[0]?.score;
}

/** A database that bounds each lot's score with the given room on each side, and counts what is ranked. */
function snapshotOf(lots: readonly OfferCandidate[], room: ReadonlyArray<readonly [number, number]>) {
  const ranked: string[][] = [];
  const pairs: BoundedCandidate[] = lots.map((lot, index) => {
    const score = engineScore(lot) ?? 0;
    const [below, above] = room[index] ?? [0, 0];
    return { offerId: lot.offer.id, siteId: SITE.id, lower: Math.max(0, score - below), upper: Math.min(1, score + above) };
  });
  const snapshot: ClaimableOffersSnapshot = {
    recipient: RECIPIENT,
    boundedCandidates: (request: BoundedCandidatesRequest) =>
      Promise.resolve(
        pairs
          .filter((pair) => request.skipLowerAbove === null || pair.lower <= request.skipLowerAbove)
          .sort((a, b) => b.upper - a.upper || (a.offerId < b.offerId ? -1 : 1))
          .slice(request.offset, request.offset + request.limit),
      ),
    candidates: (offerIds: readonly string[]) => {
      ranked.at(-1)?.push(...offerIds);
      return Promise.resolve({ recipient: RECIPIENT, offers: lots.filter((lot) => offerIds.includes(lot.offer.id)) });
    },
  };
  return { snapshot, ranked };
}

async function walk(snapshot: ClaimableOffersSnapshot, first: number, ranked: string[][]): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    ranked.push([]);
    const page = await pageClaimableOffers(snapshot, NOW, first, after === null ? undefined : decodeClaimableOfferCursor(after));
    pages.push(page.edges.map((edge) => edge.node.offerId));
    if (!page.pageInfo.hasNextPage) return pages;
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

function engineOrder(lots: readonly OfferCandidate[]): string[] {
  return lots
    .map((lot) => ({ id: lot.offer.id, score: engineScore(lot) }))
    .filter((entry): entry is { id: string; score: number } => entry.score !== undefined)
    .sort((a, b) => scoreKey(b.score) - scoreKey(a.score) || (a.id < b.id ? -1 : 1))
    .map((entry) => entry.id);
}

describe('pageClaimableOffers', () => {
  it('walks every claimable offer once, in the engine’s order, whatever valid bounds the database gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Distances in thirds of a km (many ties, scores all over the engine's grid), some beyond the radius.
        fc.array(
          fc.integer({ min: 0, max: 150 }).map((thirds) => thirds / 3),
          { maxLength: 120, size: 'max' },
        ),
        fc.array(fc.tuple(fc.constantFrom(0, 0, 0.01, 0.2, 0.6), fc.constantFrom(0, 0, 0.01, 0.2, 0.6)), { minLength: 120, maxLength: 120 }),
        fc.integer({ min: 1, max: 12 }),
        async (distances, room, first) => {
          const lots = distances.map((distance, n) => candidate(n, distance));
          const { snapshot, ranked } = snapshotOf(lots, room);
          const pages = await walk(snapshot, first, ranked);
          expect(pages.flat()).toEqual(engineOrder(lots));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('waits for an offer that ties with the last of the page and may come before it', async () => {
    // Three lots with the same score; the two with the larger ids have loose upper bounds and come first.
    const lots = [candidate(1, 5), candidate(2, 5), candidate(3, 5)];
    const { snapshot, ranked } = snapshotOf(lots, [
      [0, 0],
      [0, 0.2],
      [0, 0.2],
    ]);
    expect(await walk(snapshot, 1, ranked)).toEqual([[offerId(1)], [offerId(2)], [offerId(3)]]);
  });

  it('ranks about one page of offers per page when the bounds are exact, however deep the page', async () => {
    const lots = Array.from({ length: 200 }, (_, n) => candidate(n, ((n * 7919) % 400) / 10));
    const { snapshot, ranked } = snapshotOf(lots, []);
    const pages = await walk(snapshot, 10, ranked);
    expect(pages.flat()).toEqual(engineOrder(lots));
    // One chunk of first + 1 per page; the cursor's own offer is read again (its lower bound is the cursor's score).
    for (const ids of ranked) expect(ids.length).toBeLessThanOrEqual(2 * (10 + 1));
  });

  it('offers nothing to a recipient a platform admin has not verified, without asking for candidates', async () => {
    const { snapshot } = snapshotOf([candidate(1, 3)], []);
    const asked = jest.fn(snapshot.boundedCandidates);
    const page = await pageClaimableOffers({ ...snapshot, recipient: { ...RECIPIENT, verified: false }, boundedCandidates: asked }, NOW, 20, undefined);
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(asked).not.toHaveBeenCalled();
  });
});
