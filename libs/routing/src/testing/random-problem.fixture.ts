import fc from 'fast-check';
import { TemperatureClass } from '#domain';
import type { PlanePoint } from '../distance/euclidean.distance-provider';
import type { RoutingProblem, RoutingStop, RoutingVehicle } from '../routing-problem.type';

/**
 * Small random problems in the plane (for property tests): up to `maxStops` stops with windows,
 * service times, demands and temperature classes; one to three vehicles, some refrigerated, some
 * with an insulated box; sometimes a maximum route duration.
 */
export function randomProblem(maxStops: number): fc.Arbitrary<RoutingProblem<PlanePoint>> {
  const point = fc.record({ x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 100 }) });
  const stop = fc
    .record({
      location: point,
      demandKg: fc.integer({ min: 0, max: 40 }),
      start: fc.integer({ min: 0, max: 400 }),
      width: fc.integer({ min: 0, max: 300 }),
      serviceTime: fc.integer({ min: 0, max: 20 }),
      temperature: fc.constantFrom(TemperatureClass.AMBIENT, TemperatureClass.AMBIENT, TemperatureClass.CHILLED, TemperatureClass.FROZEN),
    })
    .map(({ start, width, serviceTime, ...rest }) => ({ ...rest, serviceTime, window: { start, end: start + serviceTime + width } }));
  const vehicle = fc.record({
    capacityKg: fc.integer({ min: 30, max: 120 }),
    refrigerated: fc.boolean(),
    box: fc.option(fc.integer({ min: 20, max: 250 }), { nil: undefined }),
  });
  return fc
    .record({
      depot: point,
      stops: fc.array(stop, { minLength: 1, maxLength: maxStops }),
      vehicles: fc.array(vehicle, { minLength: 1, maxLength: 3 }),
      maxRouteDuration: fc.option(fc.integer({ min: 150, max: 700 }), { nil: undefined }),
    })
    .map(({ depot, stops, vehicles, maxRouteDuration }) => ({
      depot: { id: 'depot', location: depot, window: { start: 0, end: 800 } },
      stops: stops.map((s, k): RoutingStop<PlanePoint> => ({ id: `s${k + 1}`, ...s })),
      vehicles: vehicles.map((v, k): RoutingVehicle => ({
        id: `v${k + 1}`,
        capacityKg: v.capacityKg,
        refrigerated: v.refrigerated,
        ...(v.box === undefined ? {} : { insulatedBoxMaxTime: v.box }),
      })),
      ...(maxRouteDuration === undefined ? {} : { maxRouteDuration }),
    }));
}
