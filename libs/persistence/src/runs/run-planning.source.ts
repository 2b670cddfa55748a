import { Injectable } from '@nestjs/common';
import { RunPlanningSource, type PlannablePickup, type PlanningDriver } from '#application';
import { OpeningHours, parseClosurePeriods, type CalendarDay, type ClosurePeriodInput, type OpeningDayInput } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { kg } from '../offers/offers.mapper';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';

interface PickupRow {
  readonly id: string;
  readonly claim_id: string;
  readonly from_organization_id: string;
  readonly from_site_id: string;
  readonly from_latitude: number;
  readonly from_longitude: number;
  readonly to_organization_id: string;
  readonly to_site_id: string;
  readonly to_latitude: number;
  readonly to_longitude: number;
  readonly to_opening_hours: OpeningDayInput[];
  readonly to_closures: ClosurePeriodInput[];
  readonly collect_from: Date;
  readonly collect_until: Date;
  readonly deliver_from: Date;
  readonly deliver_until: Date;
  readonly ambient_kg: string;
  readonly chilled_kg: string;
  readonly frozen_kg: string;
}

interface DriverRow {
  readonly user_id: string;
  readonly weekly: OpeningDayInput[] | null;
  readonly absences: Array<{ from: string; to: string }>;
}

@Injectable()
export class SqlRunPlanningSource extends RunPlanningSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async pickupsToPlan(organizationId: string, day: CalendarDay): Promise<PlannablePickup[]> {
    if (!isUuid(organizationId)) return [];
    const rows = await this.manager.query<PickupRow[]>(
      `SELECT p.id, p.claim_id, p.from_organization_id, p.from_site_id,
         ST_Y(fs.location::geometry) AS from_latitude, ST_X(fs.location::geometry) AS from_longitude,
         p.to_organization_id, p.to_site_id, ST_Y(ts.location::geometry) AS to_latitude, ST_X(ts.location::geometry) AS to_longitude,
         ts.opening_hours AS to_opening_hours, ts.closures AS to_closures,
         p.collect_from, p.collect_until, p.deliver_from, p.deliver_until, p.ambient_kg, p.chilled_kg, p.frozen_kg
       FROM pickups p
       JOIN claims c ON c.id = p.claim_id
       JOIN sites fs ON fs.id = p.from_site_id
       JOIN sites ts ON ts.id = p.to_site_id
       WHERE p.to_organization_id = $1 AND c.pickup_day = $2::date AND p.status <> 'CANCELLED' AND c.status = 'CONFIRMED'
         AND NOT EXISTS (SELECT 1 FROM run_stops s JOIN runs r ON r.id = s.run_id
                         WHERE s.pickup_id = p.id AND r.status IN ('IN_PROGRESS', 'COMPLETED'))
       ORDER BY p.collect_from, p.id`,
      [organizationId, day],
    );
    return rows.map((row) => ({
      pickupId: row.id,
      claimId: row.claim_id,
      donor: { organizationId: row.from_organization_id, siteId: row.from_site_id, location: { latitude: row.from_latitude, longitude: row.from_longitude } },
      recipient: {
        organizationId: row.to_organization_id,
        siteId: row.to_site_id,
        location: { latitude: row.to_latitude, longitude: row.to_longitude },
        openingHours: OpeningHours.parse(row.to_opening_hours),
        closures: parseClosurePeriods(row.to_closures),
      },
      collectFrom: row.collect_from,
      collectUntil: row.collect_until,
      deliverFrom: row.deliver_from,
      deliverUntil: row.deliver_until,
      kgByTemperature: { AMBIENT: kg(row.ambient_kg), CHILLED: kg(row.chilled_kg), FROZEN: kg(row.frozen_kg) },
    }));
  }

  async driversOf(organizationId: string, day: CalendarDay): Promise<PlanningDriver[]> {
    if (!isUuid(organizationId)) return [];
    // Only drivers whose address is verified act for the organisation (docs: Accounts).
    const rows = await this.manager.query<DriverRow[]>(
      `SELECT m.user_id, w.weekly,
         COALESCE((SELECT json_agg(json_build_object('from', a.from_day::text, 'to', a.to_day::text) ORDER BY a.from_day)
                   FROM driver_absences a
                   WHERE a.organization_id = m.organization_id AND a.user_id = m.user_id AND a.from_day <= $2::date AND a.to_day >= $2::date), '[]'::json) AS absences
       FROM memberships m
       JOIN users u ON u.id = m.user_id AND u.email_verified_at IS NOT NULL
       LEFT JOIN driver_weekly_availabilities w ON w.organization_id = m.organization_id AND w.user_id = m.user_id
       WHERE m.organization_id = $1 AND m.role = 'DRIVER'
       ORDER BY m.user_id`,
      [organizationId, day],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      availability: {
        weekly: OpeningHours.parse(row.weekly ?? [], 'weekly'),
        absences: row.absences.map((absence) => ({ from: absence.from, to: absence.to })),
      },
    }));
  }
}
