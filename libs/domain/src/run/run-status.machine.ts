import { DomainError } from '../errors/domain-error';
import { RunStatus } from './run-status';

/** What can happen to a run. */
export const RunEvent = {
  /** A driver takes an open run (accepts it, or the planner gives it to them). */
  ASSIGN: 'ASSIGN',
  /** The driver leaves it (withdraws, or is no longer available after a re-plan): open again. */
  RELEASE: 'RELEASE',
  /** The first stop event. */
  START: 'START',
  /** The last stop done. */
  COMPLETE: 'COMPLETE',
  /** A re-plan has no route left for it. */
  CANCEL: 'CANCEL',
} as const;
export type RunEvent = (typeof RunEvent)[keyof typeof RunEvent];
export const RUN_EVENTS: readonly RunEvent[] = Object.values(RunEvent);

type TransitionTable = { readonly [S in RunStatus]: Readonly<Partial<Record<RunEvent, RunStatus>>> };

/**
 * The whole lifecycle; any pair not listed is illegal. A run starts only with a driver, and once on
 * the road it is neither released nor cancelled: what was collected must be delivered.
 */
export const RUN_TRANSITIONS: TransitionTable = {
  PLANNED: { ASSIGN: RunStatus.ASSIGNED, CANCEL: RunStatus.CANCELLED },
  ASSIGNED: { RELEASE: RunStatus.PLANNED, START: RunStatus.IN_PROGRESS, CANCEL: RunStatus.CANCELLED },
  IN_PROGRESS: { COMPLETE: RunStatus.COMPLETED },
  COMPLETED: {},
  CANCELLED: {},
};

export function canApplyRunEvent(from: RunStatus, event: RunEvent): boolean {
  return RUN_TRANSITIONS[from][event] !== undefined;
}

export function nextRunStatus(from: RunStatus, event: RunEvent): RunStatus {
  const to = RUN_TRANSITIONS[from][event];
  if (to === undefined) throw new DomainError('ILLEGAL_RUN_TRANSITION', undefined, { from, event });
  return to;
}

export function isTerminalRunStatus(status: RunStatus): boolean {
  return Object.keys(RUN_TRANSITIONS[status]).length === 0;
}
