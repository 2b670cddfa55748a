import {
  Authorizer,
  decodeClaimableOfferCursor,
  FindClaimableOffers,
  FixedClock,
  rankOfferCandidates,
  scoreKey,
  type ClaimableOfferCandidates,
  type ClaimableOffersSnapshot,
  type OfferCandidate,
  type OfferMatchResult,
} from '#application';
import { addCalendarDays, parisDayOf, TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import { matchScoreBounds, SCORE_BOUND_SLACK, scoreBoundTerms, summarizeOfferItems, type BoundRecipient } from '#matching';
import { claimsCountedFrom, SqlMatchCandidateFinder, TypeOrmMembershipRepository, TypeOrmOrganizationRepository } from '#persistence';
import fc from 'fast-check';
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

// Friday 27 March 2026, 09:00 in Paris: windows and DLC dates run over the night the clocks go forward.
const NOW = new Date('2026-03-27T08:00:00Z');
const HOUR = 3_600_000;
const CENTRE = { latitude: 45.76, longitude: 4.84 };
const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  intervals: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '17:00' },
  ],
}));

/** Leaves of the taxonomy as the generated lots hold them: chilled ones carry a DLC, frozen and dry a DDM. */
const ITEM_KINDS: ReadonlyArray<Pick<ItemSpec, 'category' | 'temperature' | 'dateKind'>> = [
  { category: 'FOOD.DAIRY.MILK', temperature: 'CHILLED', dateKind: 'DLC' },
  { category: 'FOOD.DAIRY.YOGURT', temperature: 'CHILLED', dateKind: 'DLC' },
  { category: 'FOOD.MEAT.FRESH', temperature: 'CHILLED', dateKind: 'DLC' },
  { category: 'FOOD.FROZEN.READY_MEALS', temperature: 'FROZEN', dateKind: 'DDM' },
  { category: 'FOOD.DRY.CANNED', temperature: 'AMBIENT', dateKind: 'DDM' },
  { category: 'FOOD.FRUIT_VEG.FRUIT', temperature: 'AMBIENT', dateKind: 'NONE' },
  { category: 'NON_FOOD.HYGIENE.BODY', temperature: 'AMBIENT', dateKind: 'NONE' },
];

interface LotPlan {
  readonly northKm: number;
  readonly eastKm: number;
  readonly fromHours: number;
  readonly lengthHours: number;
  readonly status: 'PUBLISHED' | 'PARTIALLY_CLAIMED' | 'DRAFT' | 'WITHDRAWN';
  readonly items: ReadonlyArray<{ readonly kind: number; readonly grams: number; readonly left: boolean; readonly dayOffset: number }>;
  /** Identical lots at the same place: the same score, ranked by offer id. */
  readonly copies: number;
}

const lotPlan: fc.Arbitrary<LotPlan> = fc.record({
  northKm: fc.integer({ min: -34, max: 34 }),
  eastKm: fc.integer({ min: -34, max: 34 }),
  fromHours: fc.integer({ min: -30, max: 60 }),
  lengthHours: fc.integer({ min: 2, max: 40 }),
  status: fc.constantFrom<LotPlan['status']>('PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PARTIALLY_CLAIMED', 'DRAFT', 'WITHDRAWN'),
  items: fc.array(
    fc.record({
      kind: fc.integer({ min: 0, max: ITEM_KINDS.length - 1 }),
      grams: fc.integer({ min: 500, max: 150_000 }),
      left: fc.integer({ min: 0, max: 9 }).map((draw) => draw !== 0),
      dayOffset: fc.integer({ min: 1, max: 8 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  copies: fc.constantFrom(1, 1, 1, 1, 2, 3),
});

/** The full ranking the paging must reproduce: every open offer in reach, ranked by the engine, in cursor order. */
function rankAll(found: ClaimableOfferCandidates): OfferMatchResult[] {
  const byOffer = new Map<string, OfferCandidate[]>();
  for (const candidate of found.offers) byOffer.set(candidate.offer.id, [...(byOffer.get(candidate.offer.id) ?? []), candidate]);
  const ranked: OfferMatchResult[] = [];
  for (const candidates of byOffer.values()) {
    const offer = candidates[0]?.offer;
    if (offer === undefined) continue;
    const best = rankOfferCandidates(
      offer,
      candidates.map(({ site, distanceKm }) => ({ recipient: found.recipient, site, distanceKm })),
      NOW,
    )[0];
    if (best !== undefined) ranked.push(best);
  }
  return ranked.sort((a, b) => scoreKey(b.score) - scoreKey(a.score) || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
}

describe('claimableOffers pages against the full ranking, on the real PostgreSQL/PostGIS', () => {
  let services: TestServices;
  let finder: SqlMatchCandidateFinder;
  let claimable: FindClaimableOffers;
  const actor = { userId: '00000000-0000-4000-8000-0000000000c1', platformAdmin: false, emailVerified: true };
  const recipients: Record<'wide' | 'narrow' | 'unverified', string> = { wide: '', narrow: '', unverified: '' };

  const at = (northKm: number, eastKm: number) => ({
    latitude: CENTRE.latitude + northKm / KM_PER_DEGREE_LATITUDE,
    longitude: CENTRE.longitude + eastKm / (KM_PER_DEGREE_LATITUDE * Math.cos((CENTRE.latitude * Math.PI) / 180)),
  });

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    finder = new SqlMatchCandidateFinder(ds);
    claimable = new FindClaimableOffers(
      finder,
      new Authorizer(new TypeOrmMembershipRepository(ds)),
      new TypeOrmOrganizationRepository(ds),
      new FixedClock(NOW),
    );

    // Takes everything, stores plenty, two sites: bounds are tight, the best site is the nearer.
    const wide = await insertRecipient(ds, at(0, 0), {
      acceptedCategories: ['FOOD', 'NON_FOOD'],
      ambientKg: 100_000,
      chilledKg: 100_000,
      frozenKg: 100_000,
      serviceRadiusKm: 30,
    });
    await insertSite(ds, wide.organizationId, at(6, 0));
    // Takes a few categories, stores little, receives on weekday hours, closes on Monday, redistributes
    // within a day and already holds goods: bounds are loose, many lots are refused.
    const narrow = await insertRecipient(
      ds,
      { ...at(2, 2), openingHours: WEEKDAY_HOURS, closures: [{ from: '2026-03-30', to: '2026-03-30' }] },
      {
        acceptedCategories: ['FOOD.DAIRY', 'FOOD.DRY', 'NON_FOOD.HYGIENE'],
        ambientKg: 300,
        chilledKg: 80,
        frozenKg: 0,
        serviceRadiusKm: 25,
        dlcMarginHours: 24,
      },
    );
    const unverified = await insertRecipient(ds, at(1, 1), { serviceRadiusKm: 30 }, { verified: false });
    recipients.wide = wide.organizationId;
    recipients.narrow = narrow.organizationId;
    recipients.unverified = unverified.organizationId;
    await ds.query('INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)', [actor.userId, 'paging@example.fr', 'Paging', 'x']);
    for (const organizationId of Object.values(recipients)) {
      await ds.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'STAFF')", [organizationId, actor.userId]);
    }

    const donorId = await insertOrganization(ds, 'DONOR');
    const firstDay = parisDayOf(NOW);
    for (const plan of fc.sample(lotPlan, { seed: 20260327, numRuns: 220 })) {
      const place = at(plan.northKm, plan.eastKm);
      const siteId = await insertSite(ds, donorId, place);
      const pickupFrom = new Date(NOW.getTime() + plan.fromHours * HOUR);
      const pickupUntil = new Date(Math.max(pickupFrom.getTime() + plan.lengthHours * HOUR, NOW.getTime() + HOUR));
      const items: ItemSpec[] = plan.items.map((item) => {
        const kind = ITEM_KINDS[item.kind] ?? ITEM_KINDS[0];
        const date = kind?.dateKind === 'NONE' ? null : addCalendarDays(firstDay, item.dayOffset - (kind?.dateKind === 'DDM' ? 10 : 0));
        return { ...kind, category: kind?.category ?? 'FOOD', kg: item.grams / 1000, date };
      });
      for (let copy = 0; copy < plan.copies; copy += 1) {
        const offer = await insertOffer(ds, { donorOrganizationId: donorId, siteId, ...place, status: plan.status, pickupFrom, pickupUntil, items });
        // Some items already claimed away, through the same UPDATE as a claim (the summary follows).
        const gone = offer.itemIds.filter((_, index) => plan.items[index]?.left === false);
        if (gone.length > 0) await ds.query('UPDATE offer_items SET remaining_kg = 0 WHERE id = ANY($1::uuid[])', [gone]);
      }
    }
    // Lots whose window opened 16 days ago (longer than the domain allows, written by hand): the
    // bounds count no storage as surely free for them.
    for (let n = 0; n < 4; n += 1) {
      const place = at(3 + n, -5);
      await insertOffer(ds, {
        donorOrganizationId: donorId,
        siteId: await insertSite(ds, donorId, place),
        ...place,
        pickupFrom: new Date(NOW.getTime() - 16 * 24 * HOUR),
        pickupUntil: new Date(NOW.getTime() + (10 + n) * HOUR),
        items: [{ category: 'FOOD.DAIRY.CHEESE', kg: 20 + n, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-05-01' }],
      });
    }

    // What the narrow recipient already holds: its fridge is nearly full on Saturday, claims 20
    // days ago still count for the long windows' first day, and a cancelled claim counts for nothing.
    const far = at(300, 0);
    const history = await insertOffer(ds, {
      donorOrganizationId: donorId,
      siteId: await insertSite(ds, donorId, far),
      ...far,
      status: 'COLLECTED',
      pickupFrom: new Date(NOW.getTime() - 30 * 24 * HOUR),
      pickupUntil: new Date(NOW.getTime() - 29 * 24 * HOUR),
      items: [
        { category: 'FOOD.DAIRY.MILK', kg: 500, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-06-01' },
        { category: 'FOOD.DRY.CANNED', kg: 500, temperature: 'AMBIENT', dateKind: 'DDM', date: '2026-06-01' },
      ],
    });
    const claimOn = (day: string, chilled: number, ambient: number, status?: string) =>
      insertClaim(ds, {
        offerId: history.offerId,
        recipientOrganizationId: narrow.organizationId,
        pickupDay: day,
        status,
        lines: [
          { itemId: history.itemIds[0] ?? '', kg: chilled, temperature: 'CHILLED' },
          { itemId: history.itemIds[1] ?? '', kg: ambient, temperature: 'AMBIENT' },
        ],
      });
    await claimOn(addCalendarDays(firstDay, 1), 75, 40);
    await claimOn(firstDay, 20, 250);
    await claimOn(addCalendarDays(firstDay, 2), 80, 10, 'CANCELLED');
    await claimOn(addCalendarDays(firstDay, -16), 79, 299);
  });

  afterAll(async () => {
    await services?.release();
  });

  /** Every open offer within the recipient's radius of one of its sites, loaded for the engine in the paging's own snapshot. */
  async function inReach(organizationId: string): Promise<{ snapshot: ClaimableOfferCandidates; reference: OfferMatchResult[] }> {
    const ids = await services.dataSource.query<Array<{ id: string }>>(
      `SELECT DISTINCT o.id FROM offers o
         JOIN sites s ON s.organization_id = $1
         JOIN recipient_profiles rp ON rp.organization_id = s.organization_id
        WHERE o.status IN ('PUBLISHED','PARTIALLY_CLAIMED') AND o.pickup_until > $2
          AND ST_DWithin(o.location, s.location, rp.service_radius_km * 1000, false)`,
      [organizationId, NOW],
    );
    const found = await finder.readClaimable(organizationId, NOW, (snapshot) => snapshot.candidates(ids.map((row) => row.id)));
    if (found === undefined) throw new Error('not a recipient with a profile');
    return { snapshot: found, reference: rankAll(found) };
  }

  async function walk(organizationId: string, first: number): Promise<OfferMatchResult['offerId'][]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1000; page += 1) {
      const connection = await claimable.execute({ actor, organizationId, first, after });
      seen.push(...connection.edges.map((edge) => edge.node.offerId));
      if (!connection.pageInfo.hasNextPage) {
        expect(connection.edges.length).toBeLessThanOrEqual(first);
        return seen;
      }
      expect(connection.edges).toHaveLength(first);
      after = connection.pageInfo.endCursor;
    }
    throw new Error('the pages never end');
  }

  it.each([
    ['wide', 20],
    ['wide', 7],
    ['wide', 1],
    ['narrow', 20],
    ['narrow', 3],
  ] as const)('walks the %s recipient’s offers, %i a page: each claimable offer once, in the engine’s order', async (who, first) => {
    const { reference } = await inReach(recipients[who]);
    // A real test: many offers, several with exactly the same score (ranked by offer id).
    expect(reference.length).toBeGreaterThan(who === 'wide' ? 100 : 15);
    const keys = reference.map((match) => scoreKey(match.score));
    expect(new Set(keys).size).toBeLessThan(keys.length);

    expect(await walk(recipients[who], first)).toEqual(reference.map((match) => match.offerId));
  });

  it('gives each page the engine’s own scores and reasons, and the cursor its position', async () => {
    const { reference } = await inReach(recipients.wide);
    const page = await claimable.execute({ actor, organizationId: recipients.wide, first: 5 });
    expect(page.edges.map((edge) => [edge.node.offerId, edge.node.siteId, edge.node.score, edge.node.absorbableKg])).toEqual(
      reference.slice(0, 5).map((match) => [match.offerId, match.siteId, match.score, match.absorbableKg]),
    );
    const last = reference[4];
    expect(decodeClaimableOfferCursor(page.pageInfo.endCursor ?? '')).toEqual({ scoreKey: scoreKey(last?.score ?? 0), offerId: last?.offerId });
  });

  it('offers nothing to a recipient a platform admin has not verified', async () => {
    expect(await claimable.execute({ actor, organizationId: recipients.unverified })).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each(['wide', 'narrow'] as const)(
    'bounds in SQL every pair the %s recipient may claim as matchScoreBounds does over the summary the database keeps, around the engine’s score',
    async (who) => {
      const organizationId = recipients[who];
      const { snapshot: found, reference } = await inReach(organizationId);
      const bounded = await finder.readClaimable(organizationId, NOW, (snapshot: ClaimableOffersSnapshot) =>
        snapshot.boundedCandidates({ terms: scoreBoundTerms(snapshot.recipient), skipLowerAbove: null, limit: 100_000, offset: 0 }),
      );
      const sql = new Map((bounded ?? []).map((pair) => [`${pair.offerId}/${pair.siteId}`, pair]));

      // The summary columns, as the triggers keep them, against summarizeOfferItems over the items.
      const stored = await services.dataSource.query<
        Array<{ id: string; kg: number[]; dlc_kg: number[]; first_dlc: Date | null; last_dlc: Date | null; categories: string[]; paths: string[] }>
      >(
        `SELECT id, ARRAY[left_ambient_kg, left_chilled_kg, left_frozen_kg] AS kg, ARRAY[left_ambient_dlc_kg, left_chilled_dlc_kg, left_frozen_dlc_kg] AS dlc_kg,
           left_first_dlc_end AS first_dlc, left_last_dlc_end AS last_dlc, left_categories AS categories, left_category_paths AS paths
           FROM offers WHERE id = ANY($1::uuid[])`,
        [[...new Set(found.offers.map((candidate) => candidate.offer.id))]],
      );
      const storedById = new Map(stored.map((row) => [row.id, row]));

      const claims = claimsCountedFrom(NOW);
      const held = await services.dataSource.query<Array<{ pickup_day: string; temperature: TemperatureClass; kg: number }>>(
        `SELECT c.pickup_day::text AS pickup_day, l.temperature, sum(l.quantity_kg)::float8 AS kg
           FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
          WHERE c.recipient_organization_id = $1 GROUP BY 1, 2`,
        [organizationId],
      );
      const mostKgByClass: Partial<Record<TemperatureClass, number>> = {};
      for (const row of held) {
        if (row.pickup_day >= claims.day) mostKgByClass[row.temperature] = Math.max(mostKgByClass[row.temperature] ?? 0, row.kg);
      }
      const recipient: BoundRecipient = { ...found.recipient, claimed: { since: claims.since, mostKgByClass } };
      const scores = new Map(reference.map((match) => [match.offerId, match.score]));

      let checked = 0;
      const byOffer = new Map<string, Array<{ lower: number; upper: number }>>();
      for (const { offer, site, distanceKm } of found.offers) {
        const summary = summarizeOfferItems(offer.items);
        const row = storedById.get(offer.id);
        expect(row?.categories).toEqual(summary.categories);
        expect(row?.paths).toEqual(
          [...new Set(summary.categories.flatMap((code) => code.split('.').map((_, n, parts) => parts.slice(0, n + 1).join('.'))))].sort(),
        );
        expect(row?.first_dlc?.getTime() ?? null).toBe(summary.firstDlcEnd?.getTime() ?? null);
        expect(row?.last_dlc?.getTime() ?? null).toBe(summary.lastDlcEnd?.getTime() ?? null);
        TEMPERATURE_CLASSES.forEach((temperature, index) => {
          expect(row?.kg[index]).toBeCloseTo(summary.kgByClass[temperature], 9);
          expect(row?.dlc_kg[index]).toBeCloseTo(summary.dlcKgByClass[temperature], 9);
        });

        const expected = matchScoreBounds({ pickupFrom: offer.pickupFrom, pickupUntil: offer.pickupUntil, summary }, distanceKm, recipient, NOW);
        const pair = sql.get(`${offer.id}/${site.id}`);
        if (expected === undefined) {
          expect(pair).toBeUndefined();
          continue;
        }
        expect(pair?.upper).toBeCloseTo(expected.upper, 10);
        expect(pair?.lower).toBeCloseTo(expected.lower, 10);
        byOffer.set(offer.id, [...(byOffer.get(offer.id) ?? []), expected]);
        checked += 1;
      }
      expect(sql.size).toBe(checked);
      // Every offer the engine keeps has bounds around its score; none it refuses is missing from them wrongly.
      for (const [offerId, score] of scores) {
        const bounds = byOffer.get(offerId) ?? [];
        expect(bounds.length).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(Math.max(...bounds.map((bound) => bound.upper)) + SCORE_BOUND_SLACK);
        expect(score).toBeGreaterThanOrEqual(Math.min(...bounds.map((bound) => bound.lower)) - SCORE_BOUND_SLACK);
      }
      expect(checked).toBeGreaterThan(who === 'wide' ? 150 : 20);
    },
  );
});
