/**
 * The assumptions behind the default travel estimate (great-circle distance × detour factor, at an
 * average speed). One place, so that they can be reviewed and replaced by measured values.
 */
export const TRAVEL_CONFIG = {
  /**
   * Road distance over straight-line distance. Circuity factors measured for road networks lie
   * around 1.2–1.4 (Ballou, Rahardja & Sakai, "Selected country circuity factors for road travel
   * distance estimation", Transportation Research Part A 36(9), 2002); 1.3 is the middle of that
   * range, a fair figure for French towns and their surroundings.
   */
  detourFactor: 1.3,
  /**
   * Average door-to-door speed of a car or small van collecting in town and its outskirts, in km/h:
   * between the 30–50 km/h urban limits and the 80 km/h of two-lane roads (French Code de la route,
   * art. R413-2 and R413-3), lowered for traffic lights, parking and access. Adjust it to what
   * drivers observe.
   */
  averageSpeedKmh: 35,
} as const;
