/** The runs' tuning, bound from the configuration by each app (see the README's settings table). */
export abstract class RunSettings {
  /** How far above the claimed kilos a weighed quantity is still accepted, in percent (STOP_KG_TOLERANCE_PERCENT). */
  abstract readonly kgTolerancePercent: number;
  /** How long after the last claim change of a planned day its re-plan runs (RUNS_REPLAN_DEBOUNCE_SECONDS): a burst re-plans once. */
  abstract readonly replanDebounceMs: number;
}
