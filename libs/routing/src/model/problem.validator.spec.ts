import { TemperatureClass } from '#domain';
import { EuclideanDistanceProvider, type PlanePoint } from '../distance/euclidean.distance-provider';
import { RoutingError } from '../routing-error';
import type { RoutingProblem, RoutingStop } from '../routing-problem.type';
import { solveRouting } from '../routing.solver';

const stop: RoutingStop<PlanePoint> = {
  id: 's1',
  location: { x: 1, y: 2 },
  demandKg: 3,
  window: { start: 10, end: 50 },
  serviceTime: 5,
  temperature: TemperatureClass.AMBIENT,
};
const valid: RoutingProblem<PlanePoint> = {
  depot: { id: 'depot', location: { x: 0, y: 0 }, window: { start: 0, end: 100 } },
  stops: [stop],
  vehicles: [{ id: 'v1', capacityKg: 10, refrigerated: false }],
};

async function codeOf(problem: unknown, options = {}): Promise<{ code: string; field: string } | 'solved'> {
  try {
    await solveRouting(problem as RoutingProblem<PlanePoint>, new EuclideanDistanceProvider(), { threads: 1, iterations: 10, ...options });
    return 'solved';
  } catch (error) {
    if (error instanceof RoutingError) return { code: error.code, field: error.field };
    throw error;
  }
}

describe('bad routing input', () => {
  it('solves the valid problem the cases below break', async () => {
    expect(await codeOf(valid)).toBe('solved');
  });

  it.each([
    ['a missing depot', { ...valid, depot: undefined }, 'MISSING_DEPOT', 'depot'],
    ['no vehicle', { ...valid, vehicles: [] }, 'NO_VEHICLES', 'vehicles'],
    ['a zero capacity', { ...valid, vehicles: [{ id: 'v1', capacityKg: 0, refrigerated: false }] }, 'INVALID_CAPACITY', 'vehicles[0].capacityKg'],
    ['a negative capacity', { ...valid, vehicles: [{ id: 'v1', capacityKg: -5, refrigerated: false }] }, 'INVALID_CAPACITY', 'vehicles[0].capacityKg'],
    ['a NaN capacity', { ...valid, vehicles: [{ id: 'v1', capacityKg: Number.NaN, refrigerated: false }] }, 'INVALID_CAPACITY', 'vehicles[0].capacityKg'],
    ['a window that ends before it starts', { ...valid, stops: [{ ...stop, window: { start: 50, end: 10 } }] }, 'INVALID_WINDOW', 'stops[0].window'],
    ['a depot window that ends before it starts', { ...valid, depot: { ...valid.depot, window: { start: 5, end: 1 } } }, 'INVALID_WINDOW', 'depot.window'],
    ['a service longer than the window', { ...valid, stops: [{ ...stop, serviceTime: 41 }] }, 'SERVICE_LONGER_THAN_WINDOW', 'stops[0].serviceTime'],
    ['a negative service time', { ...valid, stops: [{ ...stop, serviceTime: -1 }] }, 'INVALID_SERVICE_TIME', 'stops[0].serviceTime'],
    ['a NaN coordinate', { ...valid, stops: [{ ...stop, location: { x: Number.NaN, y: 0 } }] }, 'INVALID_COORDINATES', 'stops[0].location.x'],
    [
      'an infinite coordinate',
      { ...valid, stops: [{ ...stop, location: { x: 0, y: Number.POSITIVE_INFINITY } }] },
      'INVALID_COORDINATES',
      'stops[0].location.y',
    ],
    [
      'an infinite depot coordinate',
      { ...valid, depot: { ...valid.depot, location: { x: Number.NEGATIVE_INFINITY, y: 0 } } },
      'INVALID_COORDINATES',
      'depot.location.x',
    ],
    ['duplicate stop ids', { ...valid, stops: [stop, { ...stop }] }, 'DUPLICATE_STOP_ID', 'stops[1].id'],
    ['a stop with the depot id', { ...valid, stops: [{ ...stop, id: 'depot' }] }, 'DUPLICATE_STOP_ID', 'stops[0].id'],
    ['duplicate vehicle ids', { ...valid, vehicles: [valid.vehicles[0], valid.vehicles[0]] }, 'DUPLICATE_VEHICLE_ID', 'vehicles[1].id'],
    ['a negative demand', { ...valid, stops: [{ ...stop, demandKg: -1 }] }, 'INVALID_DEMAND', 'stops[0].demandKg'],
    ['an unknown temperature class', { ...valid, stops: [{ ...stop, temperature: 'WARM' }] }, 'UNKNOWN_TEMPERATURE_CLASS', 'stops[0].temperature'],
    ['a zero maximum duration', { ...valid, maxRouteDuration: 0 }, 'INVALID_MAX_ROUTE_DURATION', 'maxRouteDuration'],
    [
      'a negative insulated-box time',
      { ...valid, vehicles: [{ id: 'v1', capacityKg: 10, refrigerated: false, insulatedBoxMaxTime: -3 }] },
      'INVALID_INSULATED_BOX',
      'vehicles[0].insulatedBoxMaxTime',
    ],
    ['an empty stop id', { ...valid, stops: [{ ...stop, id: '' }] }, 'INVALID_ID', 'stops[0].id'],
  ])('rejects %s with a coded error naming the field', async (_case, problem, code, field) => {
    expect(await codeOf(problem)).toEqual({ code, field });
  });

  it.each([
    [{ seed: 1.5 }, 'seed'],
    [{ iterations: -1 }, 'iterations'],
    [{ maxSeconds: 0 }, 'maxSeconds'],
    [{ runs: 0 }, 'runs'],
  ])('rejects search options %p', async (options, field) => {
    expect(await codeOf(valid, options)).toEqual({ code: 'INVALID_SEARCH_OPTIONS', field });
  });

  it('rejects a travel matrix with invalid entries', async () => {
    const provider = new EuclideanDistanceProvider();
    const broken = {
      assertLocation: provider.assertLocation.bind(provider),
      matrix: async () => ({ size: 2, distance: Float64Array.of(0, Number.NaN, 1, 0), time: Float64Array.of(0, 1, 1, 0) }),
    };
    await expect(solveRouting(valid, broken, { threads: 1 })).rejects.toMatchObject({ code: 'INVALID_TRAVEL_MATRIX' });
  });
});
