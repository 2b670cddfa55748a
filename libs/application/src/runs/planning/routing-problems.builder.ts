import { roundKg, TEMPERATURE_CLASSES, TemperatureClass } from '#domain';
import type { GeoLocation, RoutingProblem, RoutingStop, RoutingVehicle } from '#routing';
import type { PlannablePickup, PlanningVehicle, UnservedPickup } from '../run-planning.model';

/**
 * Minutes a driver spends at a donor's site to load one claim's goods (find the contact, check,
 * load). A convention to adjust to what drivers observe; delivery at the depot is part of the return.
 */
export const COLLECT_SERVICE_MINUTES = 10;

const MINUTE_MS = 60_000;

/**
 * One routing problem per recipient site and receiving interval: the solver has one depot with one
 * window, so the pickups delivered to the same site before the same closing time are planned together.
 */
export interface PickupGroup {
  readonly depot: { readonly siteId: string; readonly organizationId: string; readonly location: GeoLocation };
  /** Vehicles leave at or after the earliest delivery start and are back by the receiving interval's end. */
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly pickups: readonly PlannablePickup[];
}

/** Groups the day's pickups by recipient site and receiving interval, earliest first. */
export function groupPickups(pickups: readonly PlannablePickup[]): PickupGroup[] {
  const groups = new Map<string, { depot: PickupGroup['depot']; windowStart: Date; windowEnd: Date; pickups: PlannablePickup[] }>();
  for (const pickup of pickups) {
    const key = `${pickup.recipient.siteId}|${pickup.deliverUntil.toISOString()}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { depot: pickup.recipient, windowStart: pickup.deliverFrom, windowEnd: pickup.deliverUntil, pickups: [pickup] });
    } else {
      group.pickups.push(pickup);
      if (pickup.deliverFrom < group.windowStart) group.windowStart = pickup.deliverFrom;
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.windowStart.getTime() - b.windowStart.getTime() || a.windowEnd.getTime() - b.windowEnd.getTime() || a.depot.siteId.localeCompare(b.depot.siteId),
  );
}

/** A group as the solver's problem, in minutes from `origin`, with the pickups it cannot even try. */
export interface BuiltProblem {
  readonly origin: Date;
  readonly problem: RoutingProblem<GeoLocation>;
  /** Pickups whose collection window, within the receiving interval, is shorter than the service time. */
  readonly unservable: readonly UnservedPickup[];
}

/**
 * Why departure ≥ the earliest delivery start is enough for every pickup's delivery window: a
 * route returns after it collected each of its pickups (at or after its collection start), and after
 * it left the depot (at or after the receiving interval's start); each pickup's delivery start is the
 * later of the two.
 */
export function buildRoutingProblem(group: PickupGroup, vehicles: readonly PlanningVehicle[]): BuiltProblem {
  const origin = new Date(Math.min(group.windowStart.getTime(), ...group.pickups.map((pickup) => pickup.collectFrom.getTime())));
  const minutes = (instant: Date): number => (instant.getTime() - origin.getTime()) / MINUTE_MS;
  const depotWindow = { start: minutes(group.windowStart), end: minutes(group.windowEnd) };
  const stops: RoutingStop<GeoLocation>[] = [];
  const unservable: UnservedPickup[] = [];
  for (const pickup of group.pickups) {
    // Nothing can be collected before the vehicle may leave, nor after it must be back.
    const window = { start: Math.max(minutes(pickup.collectFrom), depotWindow.start), end: Math.min(minutes(pickup.collectUntil), depotWindow.end) };
    if (window.end - window.start < COLLECT_SERVICE_MINUTES) {
      unservable.push({ pickupId: pickup.pickupId, claimId: pickup.claimId, reason: 'TIME_WINDOW_UNREACHABLE' });
      continue;
    }
    stops.push({
      id: pickup.pickupId,
      location: pickup.donor.location,
      demandKg: totalKg(pickup),
      window,
      serviceTime: COLLECT_SERVICE_MINUTES,
      temperature: coldestClass(pickup),
    });
  }
  return {
    origin,
    problem: {
      depot: { id: `depot:${group.depot.siteId}`, location: group.depot.location, window: depotWindow },
      stops,
      vehicles: vehicles.map(routingVehicle),
    },
    unservable,
  };
}

export function routingVehicle(vehicle: PlanningVehicle): RoutingVehicle {
  return {
    id: vehicle.key,
    capacityKg: vehicle.capacityKg,
    refrigerated: vehicle.refrigerated,
    ...(vehicle.refrigerated || vehicle.insulatedBoxMaxMinutes === null ? {} : { insulatedBoxMaxTime: vehicle.insulatedBoxMaxMinutes }),
  };
}

export function totalKg(pickup: Pick<PlannablePickup, 'kgByTemperature'>): number {
  return roundKg(TEMPERATURE_CLASSES.reduce((sum, temperature) => sum + pickup.kgByTemperature[temperature], 0));
}

/** The cold chain a pickup needs is that of its coldest goods: one frozen item makes it a frozen stop. */
export function coldestClass(pickup: Pick<PlannablePickup, 'kgByTemperature'>): TemperatureClass {
  if (pickup.kgByTemperature.FROZEN > 0) return TemperatureClass.FROZEN;
  if (pickup.kgByTemperature.CHILLED > 0) return TemperatureClass.CHILLED;
  return TemperatureClass.AMBIENT;
}

/** Back from the solver's minutes to instants, to the millisecond. */
export function instantAt(origin: Date, minutesFromOrigin: number): Date {
  return new Date(origin.getTime() + Math.round(minutesFromOrigin * MINUTE_MS));
}
