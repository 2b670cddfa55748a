import { Injectable } from '@nestjs/common';
import {
  ClaimRepository,
  DomainEventWriter,
  IdempotencyKeyTaken,
  type CapacityRequest,
  type ClaimListScope,
  type ClaimPage,
  type ClaimPageCursor,
  type IdempotencyRecord,
  type OfferClaim,
} from '#application';
import { Claim, type CalendarDay, type ClaimCanceller, type ClaimProgress, type IdempotencyKey, type TemperatureClass } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { kg, toClaimStatus, toRefusalReason, toTemperature } from '../offers/offers.mapper';
import { isUuid, uuidsOnly } from '../organizations/uuid';
import { currentManager, inTransaction, runInTransaction, write } from '../transactions/transaction-scope';

/** A claim with its offer's parties and its lines' items, as one row (lines as JSON). */
const CLAIM_SELECT = `
SELECT c.id, c.offer_id, c.recipient_organization_id, c.recipient_site_id, c.created_by, c.status, c.pickup_day::text AS pickup_day,
  c.total_kg, c.created_at, c.status_changed_at, c.cancelled_by, c.cancellation_reason, c.refusal_reason, c.refusal_note, c.refused_kg,
  c.collected_at, o.donor_organization_id, o.site_id AS donor_site_id,
  (SELECT json_agg(json_build_object('itemId', l.offer_item_id, 'kg', l.quantity_kg::float8, 'temperature', l.temperature,
      'category', i.category, 'gtin', i.gtin, 'lotNumber', i.lot_number) ORDER BY i.position)
    FROM claim_lines l JOIN offer_items i ON i.id = l.offer_item_id WHERE l.claim_id = c.id) AS lines
FROM claims c JOIN offers o ON o.id = c.offer_id`;

/** A claim as its readers see it: lines with their item ids only. */
const VIEW_SELECT = `
SELECT c.id, c.offer_id, c.recipient_organization_id, c.status, c.pickup_day::text AS pickup_day, c.total_kg, c.created_at,
  c.refusal_reason, c.refusal_note, c.refused_kg,
  (SELECT json_agg(json_build_object('itemId', l.offer_item_id, 'kg', l.quantity_kg::float8, 'temperature', l.temperature) ORDER BY l.offer_item_id)
    FROM claim_lines l WHERE l.claim_id = c.id) AS lines
FROM claims c`;

interface LineJson {
  readonly itemId: string;
  readonly kg: number;
  readonly temperature: string;
  readonly category?: string;
  readonly gtin?: string | null;
  readonly lotNumber?: string | null;
}

interface ViewRow {
  readonly id: string;
  readonly offer_id: string;
  readonly recipient_organization_id: string;
  readonly status: string;
  readonly pickup_day: string;
  readonly total_kg: string | number;
  readonly created_at: Date;
  readonly refusal_reason: string | null;
  readonly refusal_note: string | null;
  readonly refused_kg: string | number | null;
  readonly lines: LineJson[] | null;
}

interface ClaimRow extends ViewRow {
  readonly recipient_site_id: string | null;
  readonly created_by: string | null;
  readonly status_changed_at: Date;
  readonly cancelled_by: ClaimCanceller | null;
  readonly cancellation_reason: string | null;
  readonly collected_at: Date | null;
  readonly donor_organization_id: string;
  readonly donor_site_id: string;
}

@Injectable()
export class TypeOrmClaimRepository extends ClaimRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventWriter,
  ) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async add(claim: Claim): Promise<void> {
    const snapshot = claim.toSnapshot();
    // The claim, its lines and its events, or nothing; sent as one statement when the unit of work
    // batches its writes (the lines' foreign key is then checked at the end of that statement).
    await runInTransaction(this.dataSource, async () => {
      await write(
        this.dataSource,
        `INSERT INTO claims (id, offer_id, recipient_organization_id, recipient_site_id, created_by, status, pickup_day, total_kg, created_at, status_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
        [
          snapshot.id,
          snapshot.offerId,
          snapshot.recipientOrganizationId,
          snapshot.to.siteId,
          snapshot.createdBy,
          snapshot.status,
          snapshot.pickupDay,
          claim.totalKg,
          snapshot.createdAt,
        ],
      );
      await write(
        this.dataSource,
        `INSERT INTO claim_lines (claim_id, offer_item_id, quantity_kg, temperature)
         SELECT $1::uuid, * FROM unnest($2::uuid[], $3::numeric[], $4::text[])`,
        [snapshot.id, snapshot.lines.map((line) => line.itemId), snapshot.lines.map((line) => line.kg), snapshot.lines.map((line) => line.temperature)],
      );
      await this.events.write(claim.pullEvents());
    });
  }

  async update(claim: Claim): Promise<void> {
    const snapshot = claim.toSnapshot();
    await this.manager.query(
      `UPDATE claims SET status = $2, status_changed_at = $3, cancelled_by = $4, cancellation_reason = $5,
         cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN $3::timestamptz ELSE cancelled_at END,
         total_kg = $6, refusal_reason = $7, refusal_note = $8, refused_kg = $9, collected_at = $10
       WHERE id = $1`,
      [
        snapshot.id,
        snapshot.status,
        snapshot.statusChangedAt,
        snapshot.cancelledBy,
        snapshot.cancellationReason,
        claim.totalKg,
        snapshot.refusalReason,
        snapshot.refusalNote,
        snapshot.refusedKg,
        snapshot.collectedAt,
      ],
    );
    // Collected and delivered kilos replace the claimed ones, line by line (Claim.collect, Claim.deliver).
    await this.manager.query(
      `UPDATE claim_lines l SET quantity_kg = t.kg
         FROM unnest($2::uuid[], $3::numeric[]) AS t(item_id, kg)
        WHERE l.claim_id = $1 AND l.offer_item_id = t.item_id AND l.quantity_kg <> t.kg`,
      [snapshot.id, snapshot.lines.map((line) => line.itemId), snapshot.lines.map((line) => line.kg)],
    );
    await this.events.write(claim.pullEvents());
  }

  async findById(id: string, options: { readonly forUpdate?: boolean } = {}): Promise<Claim | undefined> {
    if (!isUuid(id)) return undefined;
    const lock = options.forUpdate === true && inTransaction() ? ' FOR UPDATE OF c' : '';
    const [row] = await this.manager.query<ClaimRow[]>(`${CLAIM_SELECT} WHERE c.id = $1${lock}`, [id]);
    return row === undefined ? undefined : toClaim(row);
  }

  async findConfirmedOfOffer(offerId: string): Promise<Claim[]> {
    if (!isUuid(offerId)) return [];
    const lock = inTransaction() ? ' FOR UPDATE OF c' : '';
    const rows = await this.manager.query<ClaimRow[]>(`${CLAIM_SELECT} WHERE c.offer_id = $1 AND c.status = 'CONFIRMED' ORDER BY c.created_at, c.id${lock}`, [
      offerId,
    ]);
    return rows.map(toClaim);
  }

  async progressOfOffer(offerId: string): Promise<ClaimProgress[]> {
    if (!isUuid(offerId)) return [];
    const rows = await this.manager.query<Array<{ status: string; collected: boolean }>>(
      'SELECT status, collected_at IS NOT NULL AS collected FROM claims WHERE offer_id = $1 ORDER BY created_at, id',
      [offerId],
    );
    return rows.map((row) => ({ status: toClaimStatus(row.status), collected: row.collected }));
  }

  async views(ids: readonly string[]): Promise<OfferClaim[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return [];
    const rows = await this.manager.query<ViewRow[]>(`${VIEW_SELECT} WHERE c.id = ANY($1::uuid[])`, [valid]);
    return rows.map(toView);
  }

  async ofOffers(offerIds: readonly string[]): Promise<OfferClaim[]> {
    const valid = uuidsOnly(offerIds);
    if (valid.length === 0) return [];
    const rows = await this.manager.query<ViewRow[]>(`${VIEW_SELECT} WHERE c.offer_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`, [valid]);
    return rows.map(toView);
  }

  async list(scope: ClaimListScope, first: number, after?: ClaimPageCursor): Promise<ClaimPage> {
    const where =
      scope.kind === 'recipient' ? 'c.recipient_organization_id = $1' : 'c.offer_id IN (SELECT o.id FROM offers o WHERE o.donor_organization_id = $1)';
    const rows = await this.manager.query<ViewRow[]>(
      `${VIEW_SELECT} WHERE ${where} AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3::timestamptz, $4::uuid))
       ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
      [scope.organizationId, first + 1, after?.createdAt ?? null, after?.id ?? null],
    );
    return { claims: rows.slice(0, first).map(toView), hasNextPage: rows.length > first };
  }

  async guardCapacity(request: CapacityRequest, refusal: () => Error): Promise<void> {
    const temperatures = [...request.wantedKg.keys()];
    if (temperatures.length === 0) return;
    // claim_fits_capacity locks, then counts in a fresh snapshot (see its migration).
    await write(
      this.dataSource,
      'SELECT 1 WHERE claim_fits_capacity($1, $2, $3::text[], $4::numeric[], $5::numeric[])',
      [
        request.recipientOrganizationId,
        request.day,
        temperatures,
        temperatures.map((temperature) => request.wantedKg.get(temperature) ?? 0),
        temperatures.map((temperature) => request.declaredKg[temperature] ?? 0),
      ],
      { rows: 1, orElse: refusal },
    );
  }

  async kgHeld(recipientOrganizationId: string, day: CalendarDay): Promise<ReadonlyMap<TemperatureClass, number>> {
    const rows = await this.manager.query<Array<{ temperature: string; kg: number }>>(
      `SELECT l.temperature, sum(l.quantity_kg)::float8 AS kg
         FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
        WHERE c.recipient_organization_id = $1 AND c.pickup_day = $2::date
        GROUP BY l.temperature`,
      [recipientOrganizationId, day],
    );
    return new Map(rows.map((row) => [toTemperature(row.temperature), Number(row.kg)]));
  }

  async findIdempotencyKey(userId: string, key: IdempotencyKey): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.manager.query<Array<{ fingerprint: string; claim_id: string }>>(
      'SELECT fingerprint, claim_id FROM claim_idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    return row === undefined ? undefined : { fingerprint: row.fingerprint, claimId: row.claim_id };
  }

  async takeIdempotencyKey(userId: string, key: IdempotencyKey, fingerprint: string, claimId: string): Promise<void> {
    // ON CONFLICT waits for a concurrent insert of the same key to commit or roll back.
    await write(
      this.dataSource,
      `INSERT INTO claim_idempotency_keys (user_id, key, fingerprint, claim_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING claim_id`,
      [userId, key, fingerprint, claimId],
      { rows: 1, orElse: () => new IdempotencyKeyTaken() },
    );
  }

  async purgeIdempotencyKeys(before: Date): Promise<number> {
    const result = await this.manager.query<[unknown[], number]>('DELETE FROM claim_idempotency_keys WHERE created_at < $1', [before]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}

function toLines(lines: LineJson[] | null) {
  return (lines ?? []).map((line) => ({ itemId: line.itemId, quantityKg: kg(line.kg), temperature: toTemperature(line.temperature) }));
}

function toView(row: ViewRow): OfferClaim {
  return {
    id: row.id,
    offerId: row.offer_id,
    recipientOrganizationId: row.recipient_organization_id,
    status: toClaimStatus(row.status),
    pickupDay: row.pickup_day,
    totalKg: kg(row.total_kg),
    createdAt: row.created_at,
    lines: toLines(row.lines),
    refusal:
      row.refusal_reason === null || row.refused_kg === null
        ? null
        : { reason: toRefusalReason(row.refusal_reason), detail: row.refusal_note, kg: kg(row.refused_kg) },
  };
}

function toClaim(row: ClaimRow): Claim {
  return Claim.restore({
    id: row.id,
    offerId: row.offer_id,
    recipientOrganizationId: row.recipient_organization_id,
    createdBy: row.created_by,
    status: toClaimStatus(row.status),
    pickupDay: row.pickup_day,
    lines: (row.lines ?? []).map((line) => ({
      itemId: line.itemId,
      category: line.category ?? '',
      gtin: line.gtin ?? null,
      lotNumber: line.lotNumber ?? null,
      kg: kg(line.kg),
      temperature: toTemperature(line.temperature),
    })),
    from: { organizationId: row.donor_organization_id, siteId: row.donor_site_id },
    to: { organizationId: row.recipient_organization_id, siteId: row.recipient_site_id },
    createdAt: row.created_at,
    statusChangedAt: row.status_changed_at,
    cancelledBy: row.cancelled_by,
    cancellationReason: row.cancellation_reason,
    refusalReason: row.refusal_reason === null ? null : toRefusalReason(row.refusal_reason),
    refusalNote: row.refusal_note,
    refusedKg: row.refused_kg === null ? null : kg(row.refused_kg),
    collectedAt: row.collected_at,
  });
}
