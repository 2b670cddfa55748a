import { seededRandom } from './seeded-random';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, CATEGORY_TAXONOMY, parisDayOf } from '#domain';
import type { Client } from 'pg';
import { BENCH_CITIES, type BenchCity } from './matching-cities';

/**
 * National-scale data for the matching-latency benchmark, generated from a seed: donor and
 * recipient sites clustered around real urban areas (population-weighted, with a rural spread),
 * recipient profiles, open offers with their items, and a history of claims over the last 28 days
 * and the next days (fairness and capacity read them). Bulk-inserted with unnest over arrays.
 */
export interface DatasetSize {
  readonly donorSites: number;
  readonly recipientSites: number;
  readonly openOffers: number;
  readonly itemsPerOpenOffer: number;
  readonly pastOffers: number;
  readonly pastClaims: number;
  readonly upcomingClaims: number;
}

export const NATIONAL_SCALE: DatasetSize = {
  donorSites: 12_000,
  recipientSites: 8_000,
  openOffers: 10_000,
  itemsPerOpenOffer: 3,
  pastOffers: 10_000,
  pastClaims: 25_000,
  upcomingClaims: 3_000,
};

export interface Dataset {
  readonly openOfferIds: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

const KM_PER_DEGREE = 111.2;
const HOUR_MS = 3_600_000;

/** Weekly timetables recipients commonly keep; Paris wall-clock times. */
const TIMETABLES = [
  [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    intervals: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:00' },
    ],
  })),
  [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '18:00' }] })),
  [2, 4].map((weekday) => ({ weekday, intervals: [{ start: '13:30', end: '18:00' }] })),
  [1, 3, 5].map((weekday) => ({ weekday, intervals: [{ start: '09:00', end: '12:30' }] })),
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '07:00', end: '21:00' }] })),
  [3, 6].map((weekday) => ({ weekday, intervals: [{ start: '10:00', end: '16:00' }] })),
];

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

class PlacePicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly random: () => number) {
    let sum = 0;
    for (const city of BENCH_CITIES) {
      sum += city.populationThousands;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  private city(): BenchCity {
    const target = this.random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return BENCH_CITIES[low];
  }

  /** Three in four near a city centre (spread growing with its size), one in four in its countryside. */
  point(): { latitude: number; longitude: number } {
    const city = this.city();
    const sigmaKm = this.random() < 0.75 ? 2 + 2.5 * Math.sqrt(city.populationThousands / 100) : 35;
    return this.around(city, sigmaKm);
  }

  around(centre: { latitude: number; longitude: number }, sigmaKm: number): { latitude: number; longitude: number } {
    const latitude = centre.latitude + (gaussian(this.random) * sigmaKm) / KM_PER_DEGREE;
    const longitude = centre.longitude + (gaussian(this.random) * sigmaKm) / (KM_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
    return { latitude, longitude };
  }
}

interface ItemPlan {
  readonly category: string;
  readonly temperature: 'AMBIENT' | 'CHILLED' | 'FROZEN';
  readonly dateKind: 'DLC' | 'DDM' | 'NONE';
}

const LEAF_CATEGORIES = CATEGORY_TAXONOMY.filter((category) => !CATEGORY_TAXONOMY.some((other) => other.parentCode === category.code)).map(
  (category) => category.code,
);
const SECOND_LEVEL = CATEGORY_TAXONOMY.filter((category) => category.parentCode !== null && !category.parentCode.includes('.')).map(
  (category) => category.code,
);

function planItem(category: string): ItemPlan {
  if (category.startsWith('FOOD.FROZEN')) return { category, temperature: 'FROZEN', dateKind: 'DDM' };
  if (/^FOOD\.(DAIRY|MEAT|FISH|EGGS)/.test(category)) return { category, temperature: 'CHILLED', dateKind: 'DLC' };
  if (category.startsWith('FOOD.FRUIT_VEG')) return { category, temperature: 'AMBIENT', dateKind: 'NONE' };
  if (category.startsWith('FOOD')) return { category, temperature: 'AMBIENT', dateKind: 'DDM' };
  return { category, temperature: 'AMBIENT', dateKind: 'NONE' };
}

/** Inserts rows column by column: one statement per chunk, each column one array parameter. */
async function bulkInsert(client: Client, sql: string, columns: readonly unknown[][], chunk = 10_000): Promise<void> {
  const length = columns[0]?.length ?? 0;
  for (let start = 0; start < length; start += chunk) {
    await client.query(
      sql,
      columns.map((column) => column.slice(start, start + chunk)),
    );
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

export async function generateDataset(client: Client, size: DatasetSize, seed: number, now: Date): Promise<Dataset> {
  const random = seededRandom(seed);
  const places = new PlacePicker(random);
  const today = parisDayOf(now);

  // Organisations: donors are chains of about three sites; a few recipients have a second site.
  const orgIds: string[] = [];
  const orgKinds: string[] = [];
  const orgLegal: string[] = [];
  const orgVerified: (Date | null)[] = [];
  const siteIds: string[] = [];
  const siteOrgs: string[] = [];
  const siteLat: number[] = [];
  const siteLon: number[] = [];
  const siteHours: string[] = [];
  const siteClosures: string[] = [];
  const donorSites: Array<{ id: string; org: string; latitude: number; longitude: number }> = [];

  const addOrg = (kind: 'DONOR' | 'RECIPIENT', verified: boolean): string => {
    const id = randomUUID();
    orgIds.push(id);
    orgKinds.push(kind);
    orgLegal.push(`BENCH${String(orgIds.length).padStart(9, '0')}`);
    orgVerified.push(verified ? now : null);
    return id;
  };
  const addSite = (org: string, point: { latitude: number; longitude: number }, hours: unknown, closures: unknown): string => {
    const id = randomUUID();
    siteIds.push(id);
    siteOrgs.push(org);
    siteLat.push(point.latitude);
    siteLon.push(point.longitude);
    siteHours.push(JSON.stringify(hours));
    siteClosures.push(JSON.stringify(closures));
    return id;
  };

  let donorOrg = '';
  for (let n = 0; n < size.donorSites; n += 1) {
    if (n % 3 === 0) donorOrg = addOrg('DONOR', true);
    const point = places.point();
    const id = addSite(donorOrg, point, TIMETABLES[4], []);
    donorSites.push({ id, org: donorOrg, ...point });
  }

  const profileOrgs: string[] = [];
  const profileCategories: string[] = [];
  const profileAmbient: number[] = [];
  const profileChilled: number[] = [];
  const profileFrozen: number[] = [];
  const profileRadius: number[] = [];
  const profilePeople: number[] = [];
  const recipientOrgs: string[] = [];
  let recipientSites = 0;
  while (recipientSites < size.recipientSites) {
    const org = addOrg('RECIPIENT', random() < 0.9);
    recipientOrgs.push(org);
    const point = places.point();
    const closures =
      random() < 0.1 ? [{ from: addCalendarDays(today, Math.floor(random() * 4)), to: addCalendarDays(today, 4 + Math.floor(random() * 10)) }] : [];
    addSite(org, point, pick(random, TIMETABLES), closures);
    recipientSites += 1;
    if (recipientSites < size.recipientSites && random() < 0.07) {
      addSite(org, places.around(point, 6), pick(random, TIMETABLES), []);
      recipientSites += 1;
    }
    // Urban associations serve a few km around them, rural épiceries drive further.
    const band = random();
    const radius = band < 0.55 ? 5 + random() * 10 : band < 0.85 ? 15 + random() * 20 : 35 + random() * 25;
    const accepted = random() < 0.6 ? ['FOOD'] : [...new Set([pick(random, SECOND_LEVEL), pick(random, SECOND_LEVEL), pick(random, SECOND_LEVEL)])];
    if (random() < 0.2) accepted.push('NON_FOOD');
    profileOrgs.push(org);
    profileCategories.push(accepted.join(','));
    profileAmbient.push(Math.round(100 + random() * 900));
    profileChilled.push(random() < 0.8 ? Math.round(20 + random() * 300) : 0);
    profileFrozen.push(random() < 0.5 ? Math.round(10 + random() * 150) : 0);
    profileRadius.push(Math.round(radius * 10) / 10);
    profilePeople.push(random() < 0.9 ? Math.round(30 + random() * 600) : 0);
  }

  await bulkInsert(
    client,
    `INSERT INTO organizations (id, kind, name, legal_id, legal_id_kind, verified_at)
     SELECT id, kind, 'Bench ' || legal_id, legal_id, CASE kind WHEN 'DONOR' THEN 'SIRET' ELSE 'RNA' END, verified_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS t(id, kind, legal_id, verified_at)`,
    [orgIds, orgKinds, orgLegal, orgVerified],
  );
  await bulkInsert(
    client,
    `INSERT INTO sites (id, organization_id, name, address, location, opening_hours, closures)
     SELECT id, org, 'Site', 'Adresse', ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, hours::jsonb, closures::jsonb
     FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[], $5::text[], $6::text[]) AS t(id, org, lat, lon, hours, closures)`,
    [siteIds, siteOrgs, siteLat, siteLon, siteHours, siteClosures],
  );
  await bulkInsert(
    client,
    `INSERT INTO recipient_profiles (organization_id, accepted_categories, ambient_capacity_kg, chilled_capacity_kg, frozen_capacity_kg,
       service_radius_km, dlc_margin_hours, redistributes_faster, people_per_week)
     SELECT org, string_to_array(categories, ','), ambient, chilled, frozen, radius, 48, false, people
     FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int[])
       AS t(org, categories, ambient, chilled, frozen, radius, people)`,
    [profileOrgs, profileCategories, profileAmbient, profileChilled, profileFrozen, profileRadius, profilePeople],
  );

  // Offers: open ones (the benchmark's subjects) and past ones (what the claims history points at).
  const offerIds: string[] = [];
  const offerDonors: string[] = [];
  const offerSites: string[] = [];
  const offerStatus: string[] = [];
  const offerFrom: Date[] = [];
  const offerUntil: Date[] = [];
  const offerLat: number[] = [];
  const offerLon: number[] = [];
  const offerKg: number[] = [];
  const itemIds: string[] = [];
  const itemOffers: string[] = [];
  const itemPositions: number[] = [];
  const itemCategories: string[] = [];
  const itemKg: number[] = [];
  const itemTemperatures: string[] = [];
  const itemDateKinds: string[] = [];
  const itemDates: (string | null)[] = [];
  const openOfferIds: string[] = [];
  const pastItems: Array<{ id: string; offer: string; temperature: string }> = [];

  const addOffer = (open: boolean, items: number): void => {
    const site = pick(random, donorSites);
    const id = randomUUID();
    const from = open
      ? new Date(now.getTime() + Math.round(1 + random() * 36) * HOUR_MS)
      : new Date(now.getTime() - Math.round(24 + random() * 27 * 24) * HOUR_MS);
    const until = new Date(from.getTime() + Math.round(2 + random() * 6) * HOUR_MS);
    let total = 0;
    for (let position = 0; position < items; position += 1) {
      const plan = planItem(pick(random, LEAF_CATEGORIES));
      const kg = Math.round((2 + random() * 120) * 10) / 10;
      const itemId = randomUUID();
      total += kg;
      itemIds.push(itemId);
      itemOffers.push(id);
      itemPositions.push(position);
      itemCategories.push(plan.category);
      itemKg.push(kg);
      itemTemperatures.push(plan.temperature);
      itemDateKinds.push(plan.dateKind);
      const fromDay = parisDayOf(from);
      itemDates.push(
        plan.dateKind === 'DLC'
          ? addCalendarDays(fromDay, 2 + Math.floor(random() * 10))
          : plan.dateKind === 'DDM'
            ? addCalendarDays(fromDay, Math.floor(random() * 200) - 15)
            : null,
      );
      if (!open) pastItems.push({ id: itemId, offer: id, temperature: plan.temperature });
    }
    offerIds.push(id);
    offerDonors.push(site.org);
    offerSites.push(site.id);
    offerStatus.push(open ? (random() < 0.85 ? 'PUBLISHED' : 'PARTIALLY_CLAIMED') : 'COLLECTED');
    offerFrom.push(from);
    offerUntil.push(until);
    offerLat.push(site.latitude);
    offerLon.push(site.longitude);
    offerKg.push(Math.round(total * 1000) / 1000);
    if (open) openOfferIds.push(id);
  };
  for (let n = 0; n < size.openOffers; n += 1) addOffer(true, size.itemsPerOpenOffer);
  for (let n = 0; n < size.pastOffers; n += 1) addOffer(false, 2);

  await bulkInsert(
    client,
    `INSERT INTO offers (id, donor_organization_id, site_id, title, status, pickup_from, pickup_until, location, total_kg, remaining_kg, published_at)
     SELECT id, donor, site, 'Lot', status, pickup_from, pickup_until, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, kg, kg, pickup_from - interval '1 day'
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::float8[], $8::float8[], $9::float8[])
       AS t(id, donor, site, status, pickup_from, pickup_until, lat, lon, kg)`,
    [offerIds, offerDonors, offerSites, offerStatus, offerFrom, offerUntil, offerLat, offerLon, offerKg],
  );
  await bulkInsert(
    client,
    `INSERT INTO offer_items (id, offer_id, position, category, description, quantity_kg, remaining_kg, temperature, date_kind, date)
     SELECT id, offer, position, category, 'Article', kg, kg, temperature, date_kind, day
     FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::date[])
       AS t(id, offer, position, category, kg, temperature, date_kind, day)`,
    [itemIds, itemOffers, itemPositions, itemCategories, itemKg, itemTemperatures, itemDateKinds, itemDates],
  );

  // Claims: the last 28 days (fairness) and the next two days (storage already taken).
  const claimIds: string[] = [];
  const claimOffers: string[] = [];
  const claimRecipients: string[] = [];
  const claimStatus: string[] = [];
  const claimDays: string[] = [];
  const claimKg: number[] = [];
  const lineClaims: string[] = [];
  const lineItems: string[] = [];
  const lineKg: number[] = [];
  const lineTemperatures: string[] = [];
  const addClaim = (day: string, status: string): void => {
    const item = pick(random, pastItems);
    const id = randomUUID();
    const kg = Math.round((1 + random() * 60) * 10) / 10;
    claimIds.push(id);
    claimOffers.push(item.offer);
    claimRecipients.push(pick(random, recipientOrgs));
    claimStatus.push(status);
    claimDays.push(day);
    claimKg.push(kg);
    lineClaims.push(id);
    lineItems.push(item.id);
    lineKg.push(kg);
    lineTemperatures.push(item.temperature);
  };
  for (let n = 0; n < size.pastClaims; n += 1) {
    addClaim(addCalendarDays(today, -Math.floor(random() * 28)), random() < 0.05 ? 'CANCELLED' : 'DELIVERED');
  }
  for (let n = 0; n < size.upcomingClaims; n += 1) addClaim(addCalendarDays(today, Math.floor(random() * 3)), 'CONFIRMED');

  await bulkInsert(
    client,
    `INSERT INTO claims (id, offer_id, recipient_organization_id, status, pickup_day, total_kg, idempotency_key)
     SELECT id, offer, recipient, status, day, kg, id::text
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::float8[]) AS t(id, offer, recipient, status, day, kg)`,
    [claimIds, claimOffers, claimRecipients, claimStatus, claimDays, claimKg],
  );
  await bulkInsert(
    client,
    `INSERT INTO claim_lines (claim_id, offer_item_id, quantity_kg, temperature)
     SELECT claim, item, kg, temperature FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::text[]) AS t(claim, item, kg, temperature)`,
    [lineClaims, lineItems, lineKg, lineTemperatures],
  );
  // What autovacuum would have done by now on a live database: statistics and the visibility map.
  await client.query('VACUUM (ANALYZE) organizations, sites, recipient_profiles, recipient_service_areas, offers, offer_items, claims, claim_lines');

  return {
    openOfferIds,
    counts: {
      organizations: orgIds.length,
      'donor sites': donorSites.length,
      'recipient sites': recipientSites,
      'open offers': openOfferIds.length,
      'open items': size.openOffers * size.itemsPerOpenOffer,
      'past offers': size.pastOffers,
      claims: claimIds.length,
    },
  };
}
