/** Where a run stands (docs/domain-rules.md, Pickup runs). */
export const RunStatus = {
  /** Planned, no driver yet: any driver of the organisation may accept it. */
  PLANNED: 'PLANNED',
  /** A driver has it; still re-planned with the day until its first stop event. */
  ASSIGNED: 'ASSIGNED',
  /** A stop event was recorded: the run is on the road and never re-planned again. */
  IN_PROGRESS: 'IN_PROGRESS',
  /** Every stop is done. */
  COMPLETED: 'COMPLETED',
  /** Dropped by a re-plan (no route left for its vehicle) before it started. */
  CANCELLED: 'CANCELLED',
} as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];
export const RUN_STATUSES: readonly RunStatus[] = Object.values(RunStatus);

export function isRunStatus(value: unknown): value is RunStatus {
  return typeof value === 'string' && (RUN_STATUSES as readonly string[]).includes(value);
}

/** Runs a (re-)plan may still change: not on the road yet. */
export const REPLANNABLE_RUN_STATUSES: readonly RunStatus[] = [RunStatus.PLANNED, RunStatus.ASSIGNED];

/** What a stop is for: collecting at a donor's site, or delivering at the recipient's. */
export const StopKind = {
  COLLECT: 'COLLECT',
  DELIVER: 'DELIVER',
} as const;
export type StopKind = (typeof StopKind)[keyof typeof StopKind];
export const STOP_KINDS: readonly StopKind[] = Object.values(StopKind);

export function isStopKind(value: unknown): value is StopKind {
  return typeof value === 'string' && (STOP_KINDS as readonly string[]).includes(value);
}

/** What a driver (or a coordinator for them) records at a stop. */
export const StopEventKind = {
  ARRIVED: 'ARRIVED',
  COLLECTED: 'COLLECTED',
  DELIVERED: 'DELIVERED',
  REFUSED: 'REFUSED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type StopEventKind = (typeof StopEventKind)[keyof typeof StopEventKind];
export const STOP_EVENT_KINDS: readonly StopEventKind[] = Object.values(StopEventKind);

export function isStopEventKind(value: unknown): value is StopEventKind {
  return typeof value === 'string' && (STOP_EVENT_KINDS as readonly string[]).includes(value);
}
