import { Injectable } from '@nestjs/common';
import { JobOutbox, RunRepository } from '#application';
import { Run, isRunStatus, isStopEventKind, isStopKind, type CalendarDay, type RunChange, type RunSnapshot, type RunStop } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { kg, toRefusalReason } from '../offers/offers.mapper';
import { isUuid } from '../organizations/uuid';
import { currentManager, inTransaction } from '../transactions/transaction-scope';

/** A run with its stops in order (as JSON), one row per run. */
const RUN_SELECT = `
SELECT r.id, r.organization_id, r.day::text AS day, r.depot_site_id, r.slot, r.status, r.driver_user_id, r.withdrawn_driver_user_ids,
  r.vehicle_key, r.vehicle_id,
  r.capacity_kg, r.refrigerated, r.insulated_box_max_minutes, r.planned_start, r.planned_end, r.distance_km, r.version,
  r.created_at, r.status_changed_at,
  (SELECT json_agg(json_build_object(
      'id', s.id, 'sequence', s.sequence, 'kind', s.kind, 'organizationId', s.organization_id, 'siteId', s.site_id,
      'claimId', s.claim_id, 'pickupId', s.pickup_id, 'plannedArrival', s.planned_arrival, 'plannedDeparture', s.planned_departure,
      'windowStart', s.window_start, 'windowEnd', s.window_end,
      'ambientKg', s.ambient_kg::float8, 'chilledKg', s.chilled_kg::float8, 'frozenKg', s.frozen_kg::float8,
      'events', (SELECT COALESCE(json_agg(json_build_object('kind', e.kind, 'at', e.at, 'recordedBy', e.recorded_by,
                   'quantityKg', e.quantity_kg::float8, 'temperatureC', e.temperature_c::float8, 'note', e.note,
                   'temperatureOutOfLimit', e.temperature_out_of_limit, 'refusedKg', e.refused_kg::float8, 'refusalReason', e.refusal_reason)
                   ORDER BY e.at, e.kind), '[]'::json)
                 FROM run_stop_events e WHERE e.stop_id = s.id)) ORDER BY s.sequence)
    FROM run_stops s WHERE s.run_id = r.id) AS stops
FROM runs r`;

interface StopJson {
  readonly id: string;
  readonly sequence: number;
  readonly kind: string;
  readonly organizationId: string;
  readonly siteId: string;
  readonly claimId: string;
  readonly pickupId: string;
  readonly plannedArrival: string;
  readonly plannedDeparture: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly ambientKg: number;
  readonly chilledKg: number;
  readonly frozenKg: number;
  readonly events: EventJson[];
}

interface EventJson {
  readonly kind: string;
  readonly at: string;
  readonly recordedBy: string;
  readonly quantityKg: number | null;
  readonly temperatureC: number | null;
  readonly note: string | null;
  readonly temperatureOutOfLimit: boolean;
  readonly refusedKg: number | null;
  readonly refusalReason: string | null;
}

interface RunRow {
  readonly id: string;
  readonly organization_id: string;
  readonly day: string;
  readonly depot_site_id: string;
  readonly slot: string;
  readonly status: string;
  readonly driver_user_id: string | null;
  readonly withdrawn_driver_user_ids: string[];
  readonly vehicle_key: string;
  readonly vehicle_id: string | null;
  readonly capacity_kg: string;
  readonly refrigerated: boolean;
  readonly insulated_box_max_minutes: number | null;
  readonly planned_start: Date;
  readonly planned_end: Date;
  readonly distance_km: string;
  readonly version: number;
  readonly created_at: Date;
  readonly status_changed_at: Date;
  readonly stops: StopJson[] | null;
}

/**
 * Runs and their stops. A save writes the run's row, replaces its stops when a re-plan gave it new
 * ones (stops are identified by id: kept stops are left alone), and turns the changes the run
 * recorded into one live notice (outbox), all in the caller's transaction.
 */
@Injectable()
export class TypeOrmRunRepository extends RunRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: JobOutbox,
  ) {
    super();
  }

  private get manager(): EntityManager {
    return currentManager(this.dataSource);
  }

  async add(run: Run): Promise<void> {
    const s = run.toSnapshot();
    await this.manager.query(
      `INSERT INTO runs (id, organization_id, day, depot_site_id, slot, status, driver_user_id, vehicle_key, vehicle_id, capacity_kg, refrigerated,
         insulated_box_max_minutes, planned_start, planned_end, distance_km, version, created_at, status_changed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17, $16)`,
      [
        s.id,
        s.organizationId,
        s.day,
        s.depotSiteId,
        s.slot,
        s.status,
        s.driverUserId,
        s.vehicle.key,
        s.vehicle.vehicleId,
        s.vehicle.capacityKg,
        s.vehicle.refrigerated,
        s.vehicle.insulatedBoxMaxMinutes,
        s.plannedStart,
        s.plannedEnd,
        s.distanceKm,
        s.createdAt,
        s.statusChangedAt,
      ],
    );
    await this.insertStops(s.id, s.stops);
    await this.notify(s.id, 1, run.pullChanges());
  }

  async update(run: Run): Promise<void> {
    const s = run.toSnapshot();
    const [rows] = await this.manager.query<[Array<{ version: number }>, number]>(
      `UPDATE runs SET status = $2, driver_user_id = $3, planned_start = $4, planned_end = $5, distance_km = $6, status_changed_at = $7,
         withdrawn_driver_user_ids = $8, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING version`,
      [s.id, s.status, s.driverUserId, s.plannedStart, s.plannedEnd, s.distanceKm, s.statusChangedAt, [...s.withdrawnDriverUserIds]],
    );
    const version = rows[0]?.version;
    if (version === undefined) throw new Error(`run ${s.id} vanished while being saved`);
    // Stops the route no longer has go first (their sequence numbers are taken by the new ones).
    await this.manager.query('DELETE FROM run_stops WHERE run_id = $1 AND NOT (id = ANY($2::uuid[]))', [s.id, s.stops.map((stop) => stop.id)]);
    await this.insertStops(s.id, s.stops);
    await this.insertEvents(s.stops);
    await this.notify(s.id, version, run.pullChanges());
  }

  async findById(id: string, options: { readonly forUpdate?: boolean } = {}): Promise<Run | undefined> {
    if (!isUuid(id)) return undefined;
    const lock = options.forUpdate === true && inTransaction() ? ' FOR UPDATE OF r' : '';
    const [row] = await this.manager.query<RunRow[]>(`${RUN_SELECT} WHERE r.id = $1${lock}`, [id]);
    return row === undefined ? undefined : toRun(row);
  }

  async ofDay(organizationId: string, day: CalendarDay, options: { readonly forUpdate?: boolean } = {}): Promise<Run[]> {
    if (!isUuid(organizationId)) return [];
    const lock = options.forUpdate === true && inTransaction() ? ' FOR UPDATE OF r' : '';
    const rows = await this.manager.query<RunRow[]>(`${RUN_SELECT} WHERE r.organization_id = $1 AND r.day = $2::date ORDER BY r.planned_start, r.id${lock}`, [
      organizationId,
      day,
    ]);
    return rows.map(toRun);
  }

  async lockDay(organizationId: string, day: CalendarDay): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('runs/' || $1 || '/' || $2, 0))`, [organizationId, day]);
  }

  async forDriver(userId: string, day: CalendarDay): Promise<Run[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.manager.query<RunRow[]>(
      `${RUN_SELECT}
       WHERE r.day = $2::date AND (
         (r.driver_user_id = $1 AND r.status <> 'CANCELLED')
         OR (r.status = 'PLANNED' AND r.organization_id IN (SELECT m.organization_id FROM memberships m WHERE m.user_id = $1 AND m.role = 'DRIVER')))
       ORDER BY r.planned_start, r.id`,
      [userId, day],
    );
    return rows.map(toRun);
  }

  private async insertStops(runId: string, stops: readonly RunStop[]): Promise<void> {
    if (stops.length === 0) return;
    const column = <T>(pick: (stop: RunStop) => T): T[] => stops.map(pick);
    await this.manager.query(
      `INSERT INTO run_stops (id, run_id, sequence, kind, organization_id, site_id, claim_id, pickup_id, planned_arrival, planned_departure,
         window_start, window_end, ambient_kg, chilled_kg, frozen_kg)
       SELECT id, $1, sequence, kind, organization_id, site_id, claim_id, pickup_id, planned_arrival, planned_departure, window_start, window_end,
         ambient_kg, chilled_kg, frozen_kg
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::timestamptz[], $10::timestamptz[],
         $11::timestamptz[], $12::timestamptz[], $13::numeric[], $14::numeric[], $15::numeric[])
         AS t(id, sequence, kind, organization_id, site_id, claim_id, pickup_id, planned_arrival, planned_departure, window_start, window_end,
           ambient_kg, chilled_kg, frozen_kg)
       ON CONFLICT (id) DO NOTHING`,
      [
        runId,
        column((stop) => stop.id),
        column((stop) => stop.sequence),
        column((stop) => stop.kind),
        column((stop) => stop.organizationId),
        column((stop) => stop.siteId),
        column((stop) => stop.claimId),
        column((stop) => stop.pickupId),
        column((stop) => stop.plannedArrival),
        column((stop) => stop.plannedDeparture),
        column((stop) => stop.windowStart),
        column((stop) => stop.windowEnd),
        column((stop) => stop.kgByTemperature.AMBIENT),
        column((stop) => stop.kgByTemperature.CHILLED),
        column((stop) => stop.kgByTemperature.FROZEN),
      ],
    );
  }

  /** Stop events are only ever added: those already stored are left as they are (each kind once per stop). */
  private async insertEvents(stops: readonly RunStop[]): Promise<void> {
    const events = stops.flatMap((stop) => stop.events.map((event) => ({ stopId: stop.id, ...event })));
    if (events.length === 0) return;
    await this.manager.query(
      `INSERT INTO run_stop_events (stop_id, kind, at, recorded_by, quantity_kg, temperature_c, note, temperature_out_of_limit, refused_kg, refusal_reason)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::numeric[], $6::numeric[], $7::text[], $8::boolean[], $9::numeric[],
         $10::text[])
       ON CONFLICT (stop_id, kind) DO NOTHING`,
      [
        events.map((event) => event.stopId),
        events.map((event) => event.kind),
        events.map((event) => event.at),
        events.map((event) => event.recordedBy),
        events.map((event) => event.quantityKg),
        events.map((event) => event.temperatureC),
        events.map((event) => event.note),
        events.map((event) => event.temperatureOutOfLimit),
        events.map((event) => event.refusedKg),
        events.map((event) => event.refusalReason),
      ],
    );
  }

  /** The run that has this stop, locked like findById. */
  async findByStopId(stopId: string, options: { readonly forUpdate?: boolean } = {}): Promise<Run | undefined> {
    if (!isUuid(stopId)) return undefined;
    const lock = options.forUpdate === true && inTransaction() ? ' FOR UPDATE OF r' : '';
    const [row] = await this.manager.query<RunRow[]>(`${RUN_SELECT} WHERE r.id = (SELECT run_id FROM run_stops WHERE id = $1)${lock}`, [stopId]);
    return row === undefined ? undefined : toRun(row);
  }

  /** One notice per save, whatever it changed: subscribers reload the whole run. */
  private async notify(runId: string, version: number, changes: readonly RunChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.outbox.add('runs.changed-notice', { runId }, { jobId: `run-changed-${runId}-${version}` });
  }
}

function toRun(row: RunRow): Run {
  if (!isRunStatus(row.status)) throw new Error(`run ${row.id}: unknown status ${row.status}`);
  const snapshot: RunSnapshot = {
    id: row.id,
    organizationId: row.organization_id,
    day: row.day,
    depotSiteId: row.depot_site_id,
    slot: row.slot,
    status: row.status,
    driverUserId: row.driver_user_id,
    withdrawnDriverUserIds: row.withdrawn_driver_user_ids,
    vehicle: {
      key: row.vehicle_key,
      vehicleId: row.vehicle_id,
      capacityKg: kg(row.capacity_kg),
      refrigerated: row.refrigerated,
      insulatedBoxMaxMinutes: row.insulated_box_max_minutes,
    },
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    distanceKm: Number(row.distance_km),
    stops: (row.stops ?? []).map(toStop),
    createdAt: row.created_at,
    statusChangedAt: row.status_changed_at,
  };
  return Run.restore(snapshot);
}

function toStop(stop: StopJson): RunStop {
  if (!isStopKind(stop.kind)) throw new Error(`stop ${stop.id}: unknown kind ${stop.kind}`);
  return {
    id: stop.id,
    sequence: stop.sequence,
    kind: stop.kind,
    organizationId: stop.organizationId,
    siteId: stop.siteId,
    claimId: stop.claimId,
    pickupId: stop.pickupId,
    plannedArrival: new Date(stop.plannedArrival),
    plannedDeparture: new Date(stop.plannedDeparture),
    windowStart: new Date(stop.windowStart),
    windowEnd: new Date(stop.windowEnd),
    kgByTemperature: { AMBIENT: kg(stop.ambientKg), CHILLED: kg(stop.chilledKg), FROZEN: kg(stop.frozenKg) },
    events: stop.events.map((event) => {
      if (!isStopEventKind(event.kind)) throw new Error(`stop ${stop.id}: unknown event ${event.kind}`);
      return {
        kind: event.kind,
        at: new Date(event.at),
        recordedBy: event.recordedBy,
        quantityKg: event.quantityKg,
        temperatureC: event.temperatureC,
        note: event.note,
        temperatureOutOfLimit: event.temperatureOutOfLimit,
        refusedKg: event.refusedKg === null ? null : kg(event.refusedKg),
        refusalReason: event.refusalReason === null ? null : toRefusalReason(event.refusalReason),
      };
    }),
  };
}
