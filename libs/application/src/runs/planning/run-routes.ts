import { StopKind, type RunRoute } from '#domain';
import type { RoutingPlan } from '#routing';
import type { PlannablePickup } from '../run-planning.model';
import { instantAt, type PickupGroup } from './routing-problems.builder';

/** A route of the solver as a run's route: the collections in the solver's order, then one delivery per claim at the depot. */
export interface DraftRun {
  readonly slot: string;
  readonly vehicleKey: string;
  readonly depotSiteId: string;
  readonly route: RunRoute;
}

/** Which vehicle, depot and receiving window: the identity a run keeps across re-plans. */
export function slotOf(vehicleKey: string, group: PickupGroup): string {
  return `${vehicleKey}|${group.depot.siteId}|${group.windowEnd.toISOString()}`;
}

export function draftRuns(group: PickupGroup, origin: Date, plan: RoutingPlan, newId: () => string): DraftRun[] {
  const pickups = new Map(group.pickups.map((pickup) => [pickup.pickupId, pickup]));
  const pickupOf = (stopId: string): PlannablePickup => {
    const pickup = pickups.get(stopId);
    if (pickup === undefined) throw new Error(`the solver planned stop ${stopId}, which is not a pickup of the group`);
    return pickup;
  };
  return plan.routes.map((route) => {
    const back = instantAt(origin, route.return);
    const collects = route.visits.map((visit, index) => {
      const pickup = pickupOf(visit.stopId);
      return {
        id: newId(),
        sequence: index + 1,
        kind: StopKind.COLLECT,
        organizationId: pickup.donor.organizationId,
        siteId: pickup.donor.siteId,
        claimId: pickup.claimId,
        pickupId: pickup.pickupId,
        plannedArrival: instantAt(origin, visit.arrival),
        plannedDeparture: instantAt(origin, visit.departure),
        windowStart: pickup.collectFrom,
        windowEnd: pickup.collectUntil,
        kgByTemperature: pickup.kgByTemperature,
      };
    });
    const delivers = route.visits.map((visit, index) => {
      const pickup = pickupOf(visit.stopId);
      return {
        id: newId(),
        sequence: collects.length + index + 1,
        kind: StopKind.DELIVER,
        organizationId: pickup.recipient.organizationId,
        siteId: pickup.recipient.siteId,
        claimId: pickup.claimId,
        pickupId: pickup.pickupId,
        plannedArrival: back,
        plannedDeparture: back,
        windowStart: pickup.deliverFrom,
        windowEnd: pickup.deliverUntil,
        kgByTemperature: pickup.kgByTemperature,
      };
    });
    return {
      slot: slotOf(route.vehicleId, group),
      vehicleKey: route.vehicleId,
      depotSiteId: group.depot.siteId,
      route: { plannedStart: instantAt(origin, route.departure), plannedEnd: back, distanceKm: route.distance, stops: [...collects, ...delivers] },
    };
  });
}
