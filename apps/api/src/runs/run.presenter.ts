import { stopLoadKg, TEMPERATURE_CLASSES, type RunStop } from '#domain';
import type { RunView } from '#application';
import { UserType } from '../accounts/user.type';
import type { PickupRunType, PickupStopType } from './run.type';

// Application views to GraphQL shapes: resolvers never hand out what persistence returned.

export function presentStop(stop: RunStop, done: boolean): PickupStopType {
  return {
    id: stop.id,
    sequence: stop.sequence,
    kind: stop.kind,
    plannedArrival: stop.plannedArrival,
    plannedDeparture: stop.plannedDeparture,
    windowStart: stop.windowStart,
    windowEnd: stop.windowEnd,
    loadKg: stopLoadKg(stop),
    loadByTemperature: TEMPERATURE_CLASSES.filter((temperature) => stop.kgByTemperature[temperature] > 0).map((temperature) => ({
      temperature,
      kg: stop.kgByTemperature[temperature],
    })),
    events: stop.events.map((event) => ({
      kind: event.kind,
      at: event.at,
      quantityKg: event.quantityKg,
      temperatureC: event.temperatureC,
      note: event.note,
      temperatureOutOfLimit: event.temperatureOutOfLimit,
      refusedKg: event.refusedKg,
      refusalReason: event.refusalReason,
    })),
    temperatureOutOfLimit: stop.events.some((event) => event.temperatureOutOfLimit),
    done,
    organizationId: stop.organizationId,
    siteId: stop.siteId,
    claimId: stop.claimId,
  };
}

export function presentRun(view: RunView): PickupRunType {
  const run = view.run;
  return {
    id: run.id,
    day: run.day,
    status: run.status,
    refrigerated: run.vehicle.refrigerated,
    capacityKg: run.vehicle.capacityKg,
    distanceKm: run.distanceKm,
    plannedStart: run.plannedStart,
    plannedEnd: run.plannedEnd,
    stops: view.stops.map((stop) => presentStop(stop, view.doneStopIds.has(stop.id))),
    driver: view.driver === null ? null : UserType.from(view.driver),
    organizationId: run.organizationId,
    audience: view.audience,
  };
}
