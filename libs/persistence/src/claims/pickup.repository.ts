import { Injectable } from '@nestjs/common';
import { PickupRepository, type PickupStatus } from '#application';
import type { Pickup } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { kg } from '../offers/offers.mapper';
import { isUuid } from '../organizations/uuid';
import { currentManager, write } from '../transactions/transaction-scope';

interface PickupRow {
  readonly id: string;
  readonly claim_id: string;
  readonly offer_id: string;
  readonly from_organization_id: string;
  readonly from_site_id: string;
  readonly to_organization_id: string;
  readonly to_site_id: string;
  readonly collect_from: Date;
  readonly collect_until: Date;
  readonly deliver_from: Date;
  readonly deliver_until: Date;
  readonly ambient_kg: string;
  readonly chilled_kg: string;
  readonly frozen_kg: string;
  readonly status: PickupStatus;
}

@Injectable()
export class TypeOrmPickupRepository extends PickupRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async add(pickup: Pickup): Promise<void> {
    await write(
      this.dataSource,
      `INSERT INTO pickups (id, claim_id, offer_id, from_organization_id, from_site_id, to_organization_id, to_site_id,
         collect_from, collect_until, deliver_from, deliver_until, ambient_kg, chilled_kg, frozen_kg, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'PENDING')`,
      [
        pickup.id,
        pickup.claimId,
        pickup.offerId,
        pickup.from.organizationId,
        pickup.from.siteId,
        pickup.to.organizationId,
        pickup.to.siteId,
        pickup.collectFrom,
        pickup.collectUntil,
        pickup.deliverFrom,
        pickup.deliverUntil,
        pickup.kgByTemperature.AMBIENT,
        pickup.kgByTemperature.CHILLED,
        pickup.kgByTemperature.FROZEN,
      ],
    );
  }

  async cancelForClaim(claimId: string, at: Date): Promise<void> {
    await this.manager.query("UPDATE pickups SET status = 'CANCELLED', cancelled_at = $2 WHERE claim_id = $1 AND status <> 'CANCELLED'", [claimId, at]);
  }

  async markQueued(pickupId: string, at: Date): Promise<boolean> {
    if (!isUuid(pickupId)) return false;
    const [rows] = await this.manager.query<[unknown[], number]>(
      "UPDATE pickups SET status = 'QUEUED', queued_at = $2 WHERE id = $1 AND status = 'PENDING' RETURNING id",
      [pickupId, at],
    );
    return rows.length > 0;
  }

  async findById(pickupId: string): Promise<(Pickup & { readonly status: PickupStatus }) | undefined> {
    if (!isUuid(pickupId)) return undefined;
    const [row] = await this.manager.query<PickupRow[]>('SELECT * FROM pickups WHERE id = $1', [pickupId]);
    if (row === undefined) return undefined;
    return {
      id: row.id,
      claimId: row.claim_id,
      offerId: row.offer_id,
      from: { organizationId: row.from_organization_id, siteId: row.from_site_id },
      to: { organizationId: row.to_organization_id, siteId: row.to_site_id },
      collectFrom: row.collect_from,
      collectUntil: row.collect_until,
      deliverFrom: row.deliver_from,
      deliverUntil: row.deliver_until,
      kgByTemperature: { AMBIENT: kg(row.ambient_kg), CHILLED: kg(row.chilled_kg), FROZEN: kg(row.frozen_kg) },
      status: row.status,
    };
  }
}
