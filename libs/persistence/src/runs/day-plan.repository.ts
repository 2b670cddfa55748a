import { Injectable } from '@nestjs/common';
import { DayPlanRepository, UNSERVED_PICKUP_REASONS, type DayPlan, type PlanningVehicle, type UnservedPickup, type UnservedPickupReason } from '#application';
import type { CalendarDay } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';

@Injectable()
export class TypeOrmDayPlanRepository extends DayPlanRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async save(plan: DayPlan): Promise<void> {
    await this.manager.query(
      `INSERT INTO run_day_plans (organization_id, day, vehicles, planned_at, planned_by) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (organization_id, day) DO UPDATE SET vehicles = EXCLUDED.vehicles, planned_at = EXCLUDED.planned_at, planned_by = EXCLUDED.planned_by`,
      [plan.organizationId, plan.day, JSON.stringify(plan.vehicles), plan.plannedAt, plan.plannedBy],
    );
    await this.manager.query('DELETE FROM run_unserved_pickups WHERE organization_id = $1 AND day = $2::date', [plan.organizationId, plan.day]);
    if (plan.unserved.length === 0) return;
    await this.manager.query(
      `INSERT INTO run_unserved_pickups (organization_id, day, pickup_id, claim_id, reason, recorded_at)
       SELECT $1, $2::date, * , $6 FROM unnest($3::uuid[], $4::uuid[], $5::text[])`,
      [
        plan.organizationId,
        plan.day,
        plan.unserved.map((left) => left.pickupId),
        plan.unserved.map((left) => left.claimId),
        plan.unserved.map((left) => left.reason),
        plan.plannedAt,
      ],
    );
  }

  async find(organizationId: string, day: CalendarDay): Promise<DayPlan | undefined> {
    if (!isUuid(organizationId)) return undefined;
    const [row] = await this.manager.query<Array<{ vehicles: PlanningVehicle[]; planned_at: Date; planned_by: string | null }>>(
      'SELECT vehicles, planned_at, planned_by FROM run_day_plans WHERE organization_id = $1 AND day = $2::date',
      [organizationId, day],
    );
    if (row === undefined) return undefined;
    const unserved = await this.manager.query<Array<{ pickup_id: string; claim_id: string; reason: string }>>(
      'SELECT pickup_id, claim_id, reason FROM run_unserved_pickups WHERE organization_id = $1 AND day = $2::date ORDER BY recorded_at, pickup_id',
      [organizationId, day],
    );
    return {
      organizationId,
      day,
      vehicles: row.vehicles,
      unserved: unserved.map((left): UnservedPickup => ({ pickupId: left.pickup_id, claimId: left.claim_id, reason: toReason(left.reason) })),
      plannedAt: row.planned_at,
      plannedBy: row.planned_by,
    };
  }
}

function toReason(value: string): UnservedPickupReason {
  const reason = UNSERVED_PICKUP_REASONS.find((known) => known === value);
  if (reason === undefined) throw new Error(`unknown unserved reason ${value}`);
  return reason;
}
