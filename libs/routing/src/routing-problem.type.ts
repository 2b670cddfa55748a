import type { TemperatureClass } from '#domain';

/**
 * The vehicle-routing problem the solver answers: volunteer drivers leave the association (the
 * depot), collect lots at donors (the stops) and bring them back.
 *
 * Times are plain numbers in one unit throughout, the unit of the distance provider's travel
 * times (minutes with the great-circle provider; the abstract unit of the Solomon benchmark files).
 * A window is when the whole service must happen: service starts at or after `start` and ends at
 * or before `end`. Distances are in the provider's unit (kilometres by default).
 */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export interface RoutingDepot<L> {
  readonly id: string;
  readonly location: L;
  /** Receiving hours: vehicles leave at or after `start` and are back (unloaded) by `end`. */
  readonly window: TimeWindow;
}

export interface RoutingStop<L> {
  readonly id: string;
  readonly location: L;
  /** Kilograms to collect; 0 is allowed (a visit that loads nothing). */
  readonly demandKg: number;
  readonly window: TimeWindow;
  readonly serviceTime: number;
  /** CHILLED and FROZEN goods need a refrigerated vehicle, or an insulated box where the vehicle has one. */
  readonly temperature: TemperatureClass;
}

export interface RoutingVehicle {
  readonly id: string;
  readonly capacityKg: number;
  readonly refrigerated: boolean;
  /**
   * For a vehicle that is not refrigerated: the longest time chilled or frozen goods may spend in
   * its insulated box, from the start of their pickup to the arrival at the depot. Undefined: no
   * box, so such a vehicle never carries them.
   */
  readonly insulatedBoxMaxTime?: number;
}

export interface RoutingProblem<L> {
  readonly depot: RoutingDepot<L>;
  readonly stops: readonly RoutingStop<L>[];
  readonly vehicles: readonly RoutingVehicle[];
  /** Longest a route may last, from leaving the depot to coming back; undefined: no limit. */
  readonly maxRouteDuration?: number;
}

/** One visit of a planned route, with the schedule the driver follows. */
export interface PlannedVisit {
  readonly stopId: string;
  readonly arrival: number;
  /** Start of service: at or after the arrival (the driver waits for the window to open). */
  readonly serviceStart: number;
  readonly departure: number;
}

export interface PlannedRoute {
  readonly vehicleId: string;
  /** When the vehicle leaves the depot; as late as the schedule allows, so nobody waits for nothing. */
  readonly departure: number;
  readonly visits: readonly PlannedVisit[];
  /** Arrival back at the depot. */
  readonly return: number;
  readonly distance: number;
  readonly loadKg: number;
}

/** Why a stop is not in the plan. */
export const UNSERVED_REASONS = [
  /** Its demand exceeds the capacity of every vehicle. */
  'DEMAND_EXCEEDS_CAPACITY',
  /** Chilled or frozen goods, and no vehicle able to carry them (refrigerated, or an insulated box long enough). */
  'COLD_CHAIN',
  /** No vehicle can reach it within its window and be back at the depot in time. */
  'TIME_WINDOW_UNREACHABLE',
  /** A route serving it alone already lasts longer than the maximum route duration. */
  'ROUTE_DURATION_EXCEEDED',
  /** Servable on its own, but the fleet has no room left for it with the other stops. */
  'FLEET_EXHAUSTED',
] as const;
export type UnservedReason = (typeof UNSERVED_REASONS)[number];

export interface UnservedStop {
  readonly stopId: string;
  readonly reason: UnservedReason;
}

export interface RoutingPlan {
  readonly routes: readonly PlannedRoute[];
  readonly unserved: readonly UnservedStop[];
  /** Sum of the routes' distances. */
  readonly distance: number;
  /** Routes that serve at least one stop (a vehicle that stays at the depot has no route). */
  readonly vehicleCount: number;
}
