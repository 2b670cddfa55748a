/**
 * Distances and travel times between the places of a problem, as dense row-major matrices:
 * entry `from * size + to`. Index 0 is the depot, then the stops in the problem's order.
 */
export interface TravelMatrix {
  readonly size: number;
  /** In the provider's distance unit (kilometres for the great-circle provider). */
  readonly distance: Float64Array;
  /** In the problem's time unit (minutes for the great-circle provider). */
  readonly time: Float64Array;
}

/**
 * The port through which the solver learns travel distances and times. The default is a
 * great-circle estimate; a road-network provider (OSRM, Valhalla, ...) can implement the same port.
 */
export interface DistanceProvider<L> {
  /** Throws a RoutingError INVALID_COORDINATES (naming `field`) when the location is unusable. */
  assertLocation(location: L, field: string): void;
  matrix(locations: readonly L[]): Promise<TravelMatrix>;
}
