/** The runs' tuning, bound from the configuration by each app (see the README's settings table). */
export abstract class RunSettings {
  /** How far above the claimed kilos a weighed quantity is still accepted, in percent (STOP_KG_TOLERANCE_PERCENT). */
  abstract readonly kgTolerancePercent: number;
  /** How long after the last claim change of a planned day its re-plan runs (RUNS_REPLAN_DEBOUNCE_SECONDS): a burst re-plans once. */
  abstract readonly replanDebounceMs: number;
  /** A driver who gives a run back less than this before its start has the other available drivers told (RUN_WITHDRAWAL_NOTICE_HOURS). */
  abstract readonly withdrawalNoticeMs: number;
  /** How long after such a withdrawal the coordinators are told if nobody took the run (RUN_UNTAKEN_ALERT_SECONDS). */
  abstract readonly untakenAlertMs: number;
}
