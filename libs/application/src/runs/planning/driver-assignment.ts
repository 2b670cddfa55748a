import { isAvailableThroughout } from '#domain';
import type { PlanningDriver } from '../run-planning.model';

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/** A run to staff: when it is on the road, who drives it now, and who the coordinator put on its vehicle. */
export interface RunToStaff {
  readonly slot: string;
  readonly start: Date;
  readonly end: Date;
  /** Its driver before this (re-)plan: kept when still available. */
  readonly currentDriverUserId: string | null;
  /** The vehicle's driver chosen by the coordinator: only they may be given it. */
  readonly vehicleDriverUserId: string | null;
  /** Drivers who gave this run back: not given it again by the planner's own choice. */
  readonly withdrawnDriverUserIds?: readonly string[];
}

const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

/**
 * Gives each run a driver available for the whole run (weekly hours, absences) and not on another
 * run at the same time, or none (the run stays open for a driver to accept). Earliest runs first; a
 * run keeps the driver it had when they still can; otherwise the driver with the fewest runs so far
 * that day takes it (ties by id, so the same input gives the same answer). A driver who gave a run
 * back is not given it again, unless the coordinator puts them on its vehicle.
 *
 * @param busy runs each driver already has that the plan does not touch (on the road, done)
 */
export function assignDrivers(
  runs: readonly RunToStaff[],
  drivers: readonly PlanningDriver[],
  busy: ReadonlyMap<string, readonly Interval[]>,
): Map<string, string | null> {
  const byId = new Map(drivers.map((driver) => [driver.userId, driver]));
  const taken = new Map<string, Interval[]>([...busy].map(([userId, intervals]) => [userId, [...intervals]]));
  const load = (userId: string): number => taken.get(userId)?.length ?? 0;
  const free = (userId: string, run: RunToStaff): boolean => {
    const driver = byId.get(userId);
    if (driver === undefined || !isAvailableThroughout(driver.availability, run.start, run.end)) return false;
    return !(taken.get(userId) ?? []).some((interval) => overlaps(interval, run));
  };
  const decided = new Map<string, string | null>();
  const ordered = [...runs].sort((a, b) => a.start.getTime() - b.start.getTime() || a.slot.localeCompare(b.slot));
  for (const run of ordered) {
    const others = run.vehicleDriverUserId !== null ? [run.vehicleDriverUserId] : [...byId.keys()].sort((a, b) => load(a) - load(b) || a.localeCompare(b));
    const keep = run.currentDriverUserId !== null && (run.vehicleDriverUserId === null || run.vehicleDriverUserId === run.currentDriverUserId);
    const candidates = keep && run.currentDriverUserId !== null ? [run.currentDriverUserId, ...others] : others;
    // The coordinator's own choice of driver for the vehicle stands, even one who had withdrawn.
    const excluded = run.vehicleDriverUserId === null ? (run.withdrawnDriverUserIds ?? []) : [];
    const chosen = candidates.find((userId) => !excluded.includes(userId) && free(userId, run)) ?? null;
    decided.set(run.slot, chosen);
    if (chosen !== null) taken.set(chosen, [...(taken.get(chosen) ?? []), { start: run.start, end: run.end }]);
  }
  return decided;
}
