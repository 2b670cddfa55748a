import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Run, RunStatus, type CalendarDay } from '#domain';
import { GreatCircleDistanceProvider, solveRouting, type GeoLocation, type RoutingPlan, type RoutingProblem, type SolveOptions } from '#routing';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { DayPlanRepository } from './day-plan-repository.port';
import { withDeliveryWindow } from './planning/delivery-window';
import { assignDrivers, type Interval } from './planning/driver-assignment';
import { buildRoutingProblem, groupPickups } from './planning/routing-problems.builder';
import { draftRuns, type DraftRun } from './planning/run-routes';
import { RunPlanningSource } from './run-planning-source.port';
import type { PlanningVehicle, UnservedPickup } from './run-planning.model';
import { RunRepository } from './run-repository.port';

/**
 * How hard the solver searches a group of pickups. Planning runs inside a request (and holds the
 * day's lock), so the search is bounded: a recipient's day is a few dozen pickups, which this many
 * iterations settle well within the cap. The same input gives the same plan (fixed seed, one run).
 * The search runs in a worker thread, so the process (an API instance serving everyone else's
 * requests, or the worker renewing its job locks) keeps answering while a day is planned.
 */
export const RUN_PLANNING_SEARCH: SolveOptions = { seed: 1, runs: 1, threads: 1, maxSeconds: 3, offMainThread: true };
const ITERATIONS_PER_STOP = 500;

export interface PlanDayCommand {
  readonly organizationId: string;
  readonly day: CalendarDay;
  readonly vehicles: readonly PlanningVehicle[];
  /** The coordinator who asked; null for a re-plan the system makes. */
  readonly actorUserId: string | null;
}

export interface DayPlanOutcome {
  /** The day's runs after planning, cancelled ones left out, by planned start. */
  readonly runs: readonly Run[];
  readonly unserved: readonly UnservedPickup[];
  /** Each routing problem solved and the solver's plan (times in minutes from `origin`): what the runs were made from, for checking. */
  readonly solved: readonly SolvedGroup[];
}

export interface SolvedGroup {
  readonly origin: Date;
  readonly problem: RoutingProblem<GeoLocation>;
  readonly plan: RoutingPlan;
}

/**
 * Plans (or re-plans) one recipient's day, in one transaction holding the day's lock:
 *
 * 1. The runs already on the road (or done) stay as they are; their vehicles and drivers are busy then.
 * 2. The other pickups are grouped by recipient site and receiving interval (withDeliveryWindow),
 *    and each group is solved (libs/routing) with the vehicles not busy during it.
 * 3. Each route becomes a run: the run of the same slot (vehicle, site, interval) if one is still
 *    re-plannable, updated in place, or a new one. Runs left without a route are cancelled.
 * 4. Drivers: a run keeps its driver while they are still available and free, otherwise an
 *    available driver is given it (the vehicle's driver only, when the coordinator chose one), or
 *    it stays open for a driver to accept.
 * 5. The pickups no route takes are kept with the solver's reason, and the coordinators are
 *    e-mailed when a pickup is newly left out.
 */
@Injectable()
export class RunPlanner {
  private readonly logger = new Logger(RunPlanner.name);
  private readonly provider = new GreatCircleDistanceProvider();

  constructor(
    private readonly runs: RunRepository,
    private readonly dayPlans: DayPlanRepository,
    private readonly source: RunPlanningSource,
    private readonly outbox: JobOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  planDay(command: PlanDayCommand): Promise<DayPlanOutcome> {
    return this.unitOfWork.run(() => this.planLocked(command));
  }

  private async planLocked(command: PlanDayCommand): Promise<DayPlanOutcome> {
    const { organizationId, day } = command;
    await this.runs.lockDay(organizationId, day);
    const existing = await this.runs.ofDay(organizationId, day, { forUpdate: true });
    const onTheRoad = existing.filter((run) => run.status === RunStatus.IN_PROGRESS || run.status === RunStatus.COMPLETED);
    const replannable = existing.filter((run) => run.isReplannable);
    // One after the other: they share the transaction's connection.
    const pickups = await this.source.pickupsToPlan(organizationId, day);
    const drivers = await this.source.driversOf(organizationId, day);
    const previous = await this.dayPlans.find(organizationId, day);

    const vehicleBusy = intervalsBy(onTheRoad, (run) => run.vehicle.key);
    const drafts: DraftRun[] = [];
    const unserved: UnservedPickup[] = [];
    const solved: SolvedGroup[] = [];
    for (const group of groupPickups(pickups.map(withDeliveryWindow))) {
      const window = { start: group.windowStart, end: group.windowEnd };
      const free = command.vehicles.filter((vehicle) => !(vehicleBusy.get(vehicle.key) ?? []).some((busy) => overlaps(busy, window)));
      if (free.length === 0) {
        unserved.push(...group.pickups.map((pickup) => ({ pickupId: pickup.pickupId, claimId: pickup.claimId, reason: 'FLEET_EXHAUSTED' as const })));
        continue;
      }
      const built = buildRoutingProblem(group, free);
      unserved.push(...built.unservable);
      if (built.problem.stops.length === 0) continue;
      const plan = await solveRouting(built.problem, this.provider, {
        ...RUN_PLANNING_SEARCH,
        iterations: ITERATIONS_PER_STOP * built.problem.stops.length,
      });
      solved.push({ origin: built.origin, problem: built.problem, plan });
      const byStop = new Map(group.pickups.map((pickup) => [pickup.pickupId, pickup]));
      for (const left of plan.unserved) {
        const pickup = byStop.get(left.stopId);
        if (pickup !== undefined) unserved.push({ pickupId: pickup.pickupId, claimId: pickup.claimId, reason: left.reason });
      }
      const groupDrafts = draftRuns(group, built.origin, plan, randomUUID);
      for (const draft of groupDrafts) {
        vehicleBusy.set(draft.vehicleKey, [...(vehicleBusy.get(draft.vehicleKey) ?? []), { start: draft.route.plannedStart, end: draft.route.plannedEnd }]);
      }
      drafts.push(...groupDrafts);
    }

    const planned = await this.applyDrafts(command, drafts, replannable, onTheRoad, drivers);
    const now = this.clock.now();
    await this.dayPlans.save({ organizationId, day, vehicles: command.vehicles, unserved, plannedAt: now, plannedBy: command.actorUserId });
    const before = new Set(previous?.unserved.map((left) => left.pickupId) ?? []);
    const newlyLeftOut = unserved.filter((left) => !before.has(left.pickupId));
    if (newlyLeftOut.length > 0) {
      this.logger.warn(`${organizationId} ${day}: ${newlyLeftOut.length} pickup(s) left out (${newlyLeftOut.map((left) => left.reason).join(', ')})`);
      await this.outbox.add('notifications.unserved-pickups-email', { organizationId, day }, { jobId: `unserved-${organizationId}-${day}-${now.getTime()}` });
    }
    const runs = [...onTheRoad, ...planned].sort((a, b) => a.plannedStart.getTime() - b.plannedStart.getTime() || a.id.localeCompare(b.id));
    return { runs, unserved, solved };
  }

  /** Steps 3 and 4: drafts onto runs (same slot, or new), drivers onto runs, leftovers cancelled; all written. */
  private async applyDrafts(
    command: PlanDayCommand,
    drafts: readonly DraftRun[],
    replannable: readonly Run[],
    onTheRoad: readonly Run[],
    drivers: Parameters<typeof assignDrivers>[1],
  ): Promise<Run[]> {
    const now = this.clock.now();
    const bySlot = new Map(replannable.map((run) => [run.slot, run]));
    const vehicles = new Map(command.vehicles.map((vehicle) => [vehicle.key, vehicle]));
    const decided = assignDrivers(
      drafts.map((draft) => ({
        slot: draft.slot,
        start: draft.route.plannedStart,
        end: draft.route.plannedEnd,
        currentDriverUserId: bySlot.get(draft.slot)?.driverUserId ?? null,
        vehicleDriverUserId: vehicles.get(draft.vehicleKey)?.driverUserId ?? null,
        withdrawnDriverUserIds: bySlot.get(draft.slot)?.withdrawnDriverUserIds ?? [],
      })),
      drivers,
      intervalsBy(
        onTheRoad.filter((run) => run.driverUserId !== null),
        (run) => run.driverUserId ?? '',
      ),
    );

    const kept: Run[] = [];
    for (const draft of drafts) {
      const vehicle = vehicles.get(draft.vehicleKey);
      if (vehicle === undefined) throw new Error(`route for unknown vehicle ${draft.vehicleKey}`);
      const driver = decided.get(draft.slot) ?? null;
      const current = bySlot.get(draft.slot);
      bySlot.delete(draft.slot);
      if (current === undefined) {
        const run = Run.plan(
          {
            id: randomUUID(),
            organizationId: command.organizationId,
            day: command.day,
            depotSiteId: draft.depotSiteId,
            slot: draft.slot,
            vehicle: {
              key: vehicle.key,
              vehicleId: vehicle.vehicleId,
              capacityKg: vehicle.capacityKg,
              refrigerated: vehicle.refrigerated,
              insulatedBoxMaxMinutes: vehicle.insulatedBoxMaxMinutes,
            },
            route: draft.route,
          },
          now,
        );
        if (driver !== null) run.assign(driver, command.actorUserId, now);
        await this.runs.add(run);
        kept.push(run);
        continue;
      }
      current.replan(draft.route, now);
      if (current.driverUserId !== driver) {
        if (current.driverUserId !== null) current.release('UNAVAILABLE', command.actorUserId, now);
        if (driver !== null) current.assign(driver, command.actorUserId, now);
      }
      await this.runs.update(current);
      kept.push(current);
    }
    for (const orphan of bySlot.values()) {
      orphan.cancel(now);
      await this.runs.update(orphan);
    }
    return kept;
  }
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function intervalsBy(runs: readonly Run[], keyOf: (run: Run) => string): Map<string, Interval[]> {
  const byKey = new Map<string, Interval[]>();
  for (const run of runs) byKey.set(keyOf(run), [...(byKey.get(keyOf(run)) ?? []), { start: run.plannedStart, end: run.plannedEnd }]);
  return byKey;
}
