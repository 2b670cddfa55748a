import { Injectable } from '@nestjs/common';
import {
  DomainEventWriter,
  OfferRepository,
  type NewOfferDetails,
  type OfferListFilter,
  type OfferPage,
  type OfferPageCursor,
  type OfferVisibility,
  type VersionedOffer,
} from '#application';
import { DomainError, OFFER_STATUSES_OPEN_TO_CLAIMS, type Offer, type OfferStatus } from '#domain';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { SqlDomainEventWriter } from '../events/sql-domain-event-writer';
import { isUuid, uuidsOnly } from '../organizations/uuid';
import { preparedRows } from '../transactions/prepared-statement';
import { currentManager, inTransaction, runInTransaction, write } from '../transactions/transaction-scope';
import { OfferItemEntity } from './offer-item.entity';
import { OfferEntity } from './offer.entity';
import { toGeoPoint, toOffer, toOfferEntity, toOfferItemEntities } from './offers.mapper';

/**
 * One offer and its items in one statement (claims read it on their hot path): the row under the
 * entity's property names, the items as JSON in the same shape.
 */
const OFFER_BY_ID_SQL = `
SELECT o.id, o.donor_organization_id AS "donorOrganizationId", o.site_id AS "siteId", o.created_by AS "createdBy", o.title, o.status,
  o.pickup_from AS "pickupFrom", o.pickup_until AS "pickupUntil", ST_AsGeoJSON(o.location)::json AS location,
  o.total_kg::float8 AS "totalKg", o.remaining_kg::float8 AS "remainingKg", o.created_at AS "createdAt", o.published_at AS "publishedAt",
  o.status_changed_at AS "statusChangedAt", o.withdrawal_reason AS "withdrawalReason", o.expiry_reason AS "expiryReason", o.version,
  (SELECT json_agg(json_build_object('id', i.id, 'offerId', i.offer_id, 'position', i.position, 'category', i.category,
      'description', i.description, 'quantityKg', i.quantity_kg::float8, 'remainingKg', i.remaining_kg::float8,
      'temperature', i.temperature, 'dateKind', i.date_kind, 'date', i.date::text, 'allergens', i.allergens, 'gtin', i.gtin,
      'lotNumber', i.lot_number, 'unitCostCents', i.unit_cost_cents) ORDER BY i.position)
     FROM offer_items i WHERE i.offer_id = o.id) AS items
FROM offers o WHERE o.id = $1`;

type OfferWithItemsRow = OfferEntity & { readonly items: OfferItemEntity[] | null };

/** Statuses in which an offer is open to claims: what everyone signed in may see (and what the GiST index covers). */
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = OFFER_STATUSES_OPEN_TO_CLAIMS;

@Injectable()
export class TypeOrmOfferRepository extends OfferRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventWriter = new SqlDomainEventWriter(dataSource),
  ) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async add(offer: Offer, details: NewOfferDetails): Promise<VersionedOffer> {
    // The offer and its items, or nothing.
    await runInTransaction(this.dataSource, async () => {
      await this.manager.getRepository(OfferEntity).insert(toOfferEntity(offer, { ...details, version: 1 }));
      await this.manager.getRepository(OfferItemEntity).insert(toOfferItemEntities(offer));
    });
    return { offer, version: 1, location: details.location };
  }

  async findById(id: string, options: { readonly forUpdate?: boolean } = {}): Promise<VersionedOffer | undefined> {
    if (!isUuid(id)) return undefined;
    // A row lock means something only inside a transaction; outside one it would end at once anyway.
    // Taken by a statement of its own: a statement that waits for a lock reads the locked row as it
    // is once the lock is granted, but everything else (the items) as it was when it began.
    if (options.forUpdate === true && inTransaction()) await preparedRows(this.manager, 'SELECT 1 FROM offers WHERE id = $1 FOR UPDATE', [id]);
    const [row] = await preparedRows<OfferWithItemsRow>(this.manager, OFFER_BY_ID_SQL, [id]);
    if (row === undefined) return undefined;
    return { offer: toOffer(row, row.items ?? []), version: row.version, location: toGeoPoint(row.location) };
  }

  async findVisible(ids: readonly string[], visibility: OfferVisibility): Promise<VersionedOffer[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return [];
    const query = this.manager.getRepository(OfferEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids: valid });
    applyVisibility(query, visibility);
    return this.withItems(await query.getMany());
  }

  async update(offer: Offer, expectedVersion: number): Promise<number> {
    const snapshot = offer.toSnapshot();
    await runInTransaction(this.dataSource, async () => {
      // Nobody else wrote since our read, or we refuse: the caller re-reads and decides again.
      await write(
        this.dataSource,
        `UPDATE offers
            SET status = $3, published_at = $4, status_changed_at = $5, withdrawal_reason = $6, expiry_reason = $7,
                remaining_kg = $8, version = version + 1
          WHERE id = $1 AND version = $2
        RETURNING version`,
        [
          snapshot.id,
          expectedVersion,
          snapshot.status,
          snapshot.publishedAt,
          snapshot.statusChangedAt,
          snapshot.withdrawalReason,
          snapshot.expiryReason,
          offer.remainingKg,
        ],
        { rows: 1, orElse: () => new DomainError('CONFLICT', undefined, { offerId: snapshot.id }) },
      );
      await write(
        this.dataSource,
        `UPDATE offer_items AS i SET remaining_kg = v.remaining_kg
           FROM unnest($2::uuid[], $3::numeric[]) AS v (id, remaining_kg)
          WHERE i.offer_id = $1 AND i.id = v.id AND i.remaining_kg <> v.remaining_kg`,
        [snapshot.id, snapshot.items.map((item) => item.id), snapshot.items.map((item) => item.remainingKg)],
      );
      await this.events.write(offer.pullEvents());
    });
    // The row's version went up by one exactly, or the update was refused.
    return expectedVersion + 1;
  }

  async list(filter: OfferListFilter, visibility: OfferVisibility, first: number, after?: OfferPageCursor): Promise<OfferPage> {
    const query = this.manager.getRepository(OfferEntity).createQueryBuilder('o');
    applyVisibility(query, visibility);
    if (filter.statuses !== undefined) {
      if (filter.statuses.length === 0) return { offers: [], hasNextPage: false };
      query.andWhere('o.status IN (:...statuses)', { statuses: filter.statuses });
    }
    if (filter.near !== undefined) {
      // The application's one distance (glane_within_km, inlined into ST_DWithin on the GiST index).
      query.andWhere('glane_within_km(o.location, ST_SetSRID(ST_MakePoint(:longitude, :latitude), 4326)::geography, :km)', {
        longitude: filter.near.point.longitude,
        latitude: filter.near.point.latitude,
        km: filter.near.radiusKm,
      });
    }
    if (filter.category !== undefined) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM offer_items fi WHERE fi.offer_id = o.id AND (fi.category = :category OR starts_with(fi.category, :categoryPrefix)))',
        { category: filter.category, categoryPrefix: `${filter.category}.` },
      );
    }
    if (after !== undefined) {
      query.andWhere('(o.created_at, o.id) < (:afterCreatedAt, :afterId)', { afterCreatedAt: after.createdAt, afterId: after.id });
    }
    query
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(first + 1);
    const rows = await query.getMany();
    return { offers: await this.withItems(rows.slice(0, first)), hasNextPage: rows.length > first };
  }

  async findExpiryCandidates(now: Date, minDlcMarginHours: number, limit: number, afterId?: string): Promise<string[]> {
    // A superset of what is due: the window is over, or no remaining item is anything but a DLC item
    // whose date falls before the Paris day of (end of window + margin). An item dated that day or
    // later certainly leaves the margin; the aggregate decides the edge cases exactly.
    const rows: unknown = await this.manager.query(
      `SELECT o.id FROM offers o
        WHERE o.status IN ('PUBLISHED', 'PARTIALLY_CLAIMED')
          AND ($4::uuid IS NULL OR o.id > $4::uuid)
          AND (o.pickup_until <= $1 OR NOT EXISTS (
                SELECT 1 FROM offer_items i
                 WHERE i.offer_id = o.id AND i.remaining_kg > 0
                   AND (i.date_kind <> 'DLC'
                        OR i.date >= ((o.pickup_until + make_interval(hours => $2)) AT TIME ZONE 'Europe/Paris')::date)))
        ORDER BY o.id
        LIMIT $3`,
      [now, Math.max(0, Math.ceil(minDlcMarginHours)), limit, afterId ?? null],
    );
    return (rows as Array<{ id: string }>).map((row) => row.id);
  }

  async smallestRecipientDlcMarginHours(): Promise<number | undefined> {
    const rows = await this.manager.query<Array<{ margin: number | null }>>('SELECT MIN(dlc_margin_hours) AS margin FROM recipient_profiles');
    const margin = rows[0]?.margin;
    return margin === null || margin === undefined ? undefined : Number(margin);
  }

  private async withItems(rows: readonly OfferEntity[]): Promise<VersionedOffer[]> {
    if (rows.length === 0) return [];
    const items = await this.manager
      .getRepository(OfferItemEntity)
      .find({ where: { offerId: In(rows.map((row) => row.id)) }, order: { offerId: 'ASC', position: 'ASC' } });
    const itemsByOffer = groupBy(items, (item) => item.offerId);
    return rows.map((row) => ({ offer: toOffer(row, itemsByOffer.get(row.id) ?? []), version: row.version, location: toGeoPoint(row.location) }));
  }
}

function applyVisibility(query: SelectQueryBuilder<OfferEntity>, visibility: OfferVisibility): void {
  switch (visibility.kind) {
    case 'all':
      return;
    case 'member':
      query.andWhere(
        `(o.status IN (:...openStatuses)
          OR o.donor_organization_id = ANY(CAST(:viewerOrganizations AS uuid[]))
          OR EXISTS (SELECT 1 FROM claims vc WHERE vc.offer_id = o.id AND vc.recipient_organization_id = ANY(CAST(:viewerOrganizations AS uuid[]))))`,
        { openStatuses: OPEN_OFFER_STATUSES, viewerOrganizations: uuidsOnly(visibility.organizationIds) },
      );
      return;
    default: {
      const unknown: never = visibility;
      throw new Error(`unknown visibility ${JSON.stringify(unknown)}`);
    }
  }
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}
