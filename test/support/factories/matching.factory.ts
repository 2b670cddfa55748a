import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { siretFor } from '../legal-ids';

/**
 * Rows for matching scenarios, written with plain SQL: matching reads organisations, sites,
 * profiles, offers and claims together, and a scenario needs exact values (a verified flag, a
 * claim already on a given day) that no single use case sets at once.
 */

let legalIdCounter = Math.floor(Math.random() * 1e9);

/** About 111.2 km per degree of latitude: to place a site N km north of another. */
export const KM_PER_DEGREE_LATITUDE = 111.2;

export interface SiteSpec {
  readonly latitude: number;
  readonly longitude: number;
  readonly openingHours?: ReadonlyArray<{ weekday: number; intervals: ReadonlyArray<{ start: string; end: string }> }>;
  readonly closures?: ReadonlyArray<{ from: string; to: string }>;
}

export const ALWAYS_OPEN = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] }));

export async function insertOrganization(ds: DataSource, kind: 'DONOR' | 'RECIPIENT', options: { verified?: boolean; name?: string } = {}): Promise<string> {
  const id = randomUUID();
  legalIdCounter += 1;
  await ds.query(`INSERT INTO organizations (id, kind, name, legal_id, legal_id_kind, verified_at) VALUES ($1, $2, $3, $4, 'SIRET', $5)`, [
    id,
    kind,
    options.name ?? `${kind.toLowerCase()} ${id.slice(0, 6)}`,
    siretFor(legalIdCounter),
    options.verified === false ? null : new Date(),
  ]);
  return id;
}

export async function insertSite(ds: DataSource, organizationId: string, spec: SiteSpec): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO sites (id, organization_id, name, address, location, opening_hours, closures)
     VALUES ($1, $2, 'Site', '1 rue de la Paix', ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, $5::jsonb, $6::jsonb)`,
    [id, organizationId, spec.longitude, spec.latitude, JSON.stringify(spec.openingHours ?? ALWAYS_OPEN), JSON.stringify(spec.closures ?? [])],
  );
  return id;
}

export interface ProfileSpec {
  readonly acceptedCategories?: readonly string[];
  readonly ambientKg?: number;
  readonly chilledKg?: number;
  readonly frozenKg?: number;
  readonly serviceRadiusKm?: number;
  readonly dlcMarginHours?: number;
  readonly peoplePerWeek?: number;
}

export async function insertProfile(ds: DataSource, organizationId: string, spec: ProfileSpec = {}): Promise<void> {
  const margin = spec.dlcMarginHours ?? 48;
  await ds.query(
    `INSERT INTO recipient_profiles (organization_id, accepted_categories, ambient_capacity_kg, chilled_capacity_kg, frozen_capacity_kg,
       service_radius_km, dlc_margin_hours, redistributes_faster, people_per_week)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      organizationId,
      spec.acceptedCategories ?? ['FOOD'],
      spec.ambientKg ?? 500,
      spec.chilledKg ?? 200,
      spec.frozenKg ?? 100,
      spec.serviceRadiusKm ?? 30,
      margin,
      margin < 48,
      spec.peoplePerWeek ?? 100,
    ],
  );
}

/** A verified (unless told otherwise) recipient with one site and a profile. */
export async function insertRecipient(
  ds: DataSource,
  site: SiteSpec,
  profile: ProfileSpec = {},
  options: { verified?: boolean; name?: string } = {},
): Promise<{ organizationId: string; siteId: string }> {
  const organizationId = await insertOrganization(ds, 'RECIPIENT', options);
  const siteId = await insertSite(ds, organizationId, site);
  await insertProfile(ds, organizationId, profile);
  return { organizationId, siteId };
}

export interface ItemSpec {
  readonly category: string;
  readonly kg: number;
  readonly temperature?: 'AMBIENT' | 'CHILLED' | 'FROZEN';
  readonly dateKind?: 'DLC' | 'DDM' | 'NONE';
  readonly date?: string | null;
}

export interface OfferSpec {
  readonly donorOrganizationId: string;
  readonly siteId: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly status?: string;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  readonly items: readonly ItemSpec[];
}

export async function insertOffer(ds: DataSource, spec: OfferSpec): Promise<{ offerId: string; itemIds: string[] }> {
  const offerId = randomUUID();
  const total = spec.items.reduce((sum, item) => sum + item.kg, 0);
  await ds.query(
    `INSERT INTO offers (id, donor_organization_id, site_id, title, status, pickup_from, pickup_until, location, total_kg, remaining_kg, published_at)
     VALUES ($1, $2, $3, 'Lot', $4, $5, $6, ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography, $9, $9, now())`,
    [offerId, spec.donorOrganizationId, spec.siteId, spec.status ?? 'PUBLISHED', spec.pickupFrom, spec.pickupUntil, spec.longitude, spec.latitude, total],
  );
  const itemIds: string[] = [];
  for (const [position, item] of spec.items.entries()) {
    const itemId = randomUUID();
    itemIds.push(itemId);
    const dateKind = item.dateKind ?? 'NONE';
    await ds.query(
      `INSERT INTO offer_items (id, offer_id, position, category, description, quantity_kg, remaining_kg, temperature, date_kind, date)
       VALUES ($1, $2, $3, $4, 'Article', $5, $5, $6, $7, $8)`,
      [itemId, offerId, position, item.category, item.kg, item.temperature ?? 'AMBIENT', dateKind, dateKind === 'NONE' ? null : (item.date ?? null)],
    );
  }
  return { offerId, itemIds };
}

export async function insertClaim(
  ds: DataSource,
  spec: {
    offerId: string;
    recipientOrganizationId: string;
    pickupDay: string;
    status?: string;
    lines: ReadonlyArray<{ itemId: string; kg: number; temperature: 'AMBIENT' | 'CHILLED' | 'FROZEN' }>;
  },
): Promise<string> {
  const id = randomUUID();
  const total = spec.lines.reduce((sum, line) => sum + line.kg, 0);
  await ds.query(
    `INSERT INTO claims (id, offer_id, recipient_organization_id, status, pickup_day, total_kg, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, spec.offerId, spec.recipientOrganizationId, spec.status ?? 'CONFIRMED', spec.pickupDay, total, randomUUID()],
  );
  for (const line of spec.lines) {
    await ds.query('INSERT INTO claim_lines (claim_id, offer_item_id, quantity_kg, temperature) VALUES ($1, $2, $3, $4)', [
      id,
      line.itemId,
      line.kg,
      line.temperature,
    ]);
  }
  return id;
}
