/** The runs' tuning, bound from the configuration by each app (see the README's settings table). */
export abstract class RunSettings {
  /** How far above the claimed kilos a weighed quantity is still accepted, in percent (STOP_KG_TOLERANCE_PERCENT). */
  abstract readonly kgTolerancePercent: number;
}
