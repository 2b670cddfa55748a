import { TEMPERATURE_CLASSES } from '#domain';
import type { DistanceProvider } from '../distance/distance-provider.port';
import { RoutingError } from '../routing-error';
import type { RoutingProblem, TimeWindow } from '../routing-problem.type';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Not a type guard on purpose: narrowing a readonly array with Array.isArray yields any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function assertId(id: unknown, field: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new RoutingError('INVALID_ID', field);
}

function assertWindow(window: TimeWindow | undefined, field: string): void {
  if (window === null || typeof window !== 'object' || !isFiniteNumber(window.start) || !isFiniteNumber(window.end)) {
    throw new RoutingError('INVALID_WINDOW', field, 'Both ends must be finite numbers.');
  }
  if (window.end < window.start) throw new RoutingError('INVALID_WINDOW', field, 'It ends before it starts.');
}

/**
 * Rejects, with a coded error naming the field, any input the solver could not plan soundly.
 * Nothing is planned from a problem that fails here.
 */
export function validateProblem<L>(problem: RoutingProblem<L>, provider: DistanceProvider<L>): void {
  if (problem === null || typeof problem !== 'object') throw new RoutingError('MISSING_DEPOT', 'depot');
  const { depot } = problem;
  if (depot === null || depot === undefined || typeof depot !== 'object') throw new RoutingError('MISSING_DEPOT', 'depot');
  assertId(depot.id, 'depot.id');
  provider.assertLocation(depot.location, 'depot.location');
  assertWindow(depot.window, 'depot.window');

  if (problem.maxRouteDuration !== undefined && !(typeof problem.maxRouteDuration === 'number' && problem.maxRouteDuration > 0)) {
    throw new RoutingError('INVALID_MAX_ROUTE_DURATION', 'maxRouteDuration');
  }

  if (!isList(problem.vehicles) || problem.vehicles.length === 0) throw new RoutingError('NO_VEHICLES', 'vehicles');
  const vehicleIds = new Set<string>();
  problem.vehicles.forEach((vehicle, index) => {
    const field = `vehicles[${index}]`;
    assertId(vehicle.id, `${field}.id`);
    if (vehicleIds.has(vehicle.id)) throw new RoutingError('DUPLICATE_VEHICLE_ID', `${field}.id`);
    vehicleIds.add(vehicle.id);
    if (!isFiniteNumber(vehicle.capacityKg) || vehicle.capacityKg <= 0) throw new RoutingError('INVALID_CAPACITY', `${field}.capacityKg`);
    if (vehicle.insulatedBoxMaxTime !== undefined && !(isFiniteNumber(vehicle.insulatedBoxMaxTime) && vehicle.insulatedBoxMaxTime > 0)) {
      throw new RoutingError('INVALID_INSULATED_BOX', `${field}.insulatedBoxMaxTime`);
    }
  });

  if (!isList(problem.stops)) throw new RoutingError('INVALID_ID', 'stops', 'The stops must be a list.');
  const stopIds = new Set<string>([depot.id]);
  problem.stops.forEach((stop, index) => {
    const field = `stops[${index}]`;
    assertId(stop.id, `${field}.id`);
    if (stopIds.has(stop.id)) throw new RoutingError('DUPLICATE_STOP_ID', `${field}.id`);
    stopIds.add(stop.id);
    provider.assertLocation(stop.location, `${field}.location`);
    if (!isFiniteNumber(stop.demandKg) || stop.demandKg < 0) throw new RoutingError('INVALID_DEMAND', `${field}.demandKg`);
    assertWindow(stop.window, `${field}.window`);
    if (!isFiniteNumber(stop.serviceTime) || stop.serviceTime < 0) throw new RoutingError('INVALID_SERVICE_TIME', `${field}.serviceTime`);
    if (stop.serviceTime > stop.window.end - stop.window.start) throw new RoutingError('SERVICE_LONGER_THAN_WINDOW', `${field}.serviceTime`);
    if (!TEMPERATURE_CLASSES.includes(stop.temperature)) {
      throw new RoutingError('UNKNOWN_TEMPERATURE_CLASS', `${field}.temperature`);
    }
  });
}
