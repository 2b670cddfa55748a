import { RoutingError } from '../routing-error';
import { EuclideanDistanceProvider } from './euclidean.distance-provider';
import { GreatCircleDistanceProvider } from './great-circle.distance-provider';
import { TRAVEL_CONFIG } from './travel.config';

describe('distance providers', () => {
  it('estimates road distance and time from the great circle, the detour factor and the speed', async () => {
    // Bordeaux to Mérignac: about 7.9 km as the crow flies.
    const bordeaux = { latitude: 44.8378, longitude: -0.5792 };
    const merignac = { latitude: 44.8386, longitude: -0.6811 };
    const matrix = await new GreatCircleDistanceProvider().matrix([bordeaux, merignac]);
    const km = matrix.distance[1];
    expect(km / TRAVEL_CONFIG.detourFactor).toBeCloseTo(8.04, 1);
    expect(matrix.distance[2]).toBe(km);
    expect(matrix.time[1]).toBeCloseTo((km / TRAVEL_CONFIG.averageSpeedKmh) * 60, 9);
    expect(matrix.distance[0]).toBe(0);
  });

  it('takes another detour factor and speed', async () => {
    const provider = new GreatCircleDistanceProvider(1, 60);
    const matrix = await provider.matrix([
      { latitude: 0, longitude: 0 },
      { latitude: 0, longitude: 1 },
    ]);
    expect(matrix.distance[1]).toBeCloseTo(111.2, 1);
    expect(matrix.time[1]).toBeCloseTo(111.2, 1);
  });

  it('measures the plane with Euclidean distances at the given speed', async () => {
    const matrix = await new EuclideanDistanceProvider(2).matrix([
      { x: 0, y: 0 },
      { x: 3, y: 4 },
    ]);
    expect(Array.from(matrix.distance)).toEqual([0, 5, 5, 0]);
    expect(Array.from(matrix.time)).toEqual([0, 2.5, 2.5, 0]);
  });

  it('rejects unusable coordinates with INVALID_COORDINATES and the field', () => {
    const geo = new GreatCircleDistanceProvider();
    expect(() => geo.assertLocation({ latitude: 91, longitude: 0 }, 'stops[2].location')).toThrow(
      expect.objectContaining({ code: 'INVALID_COORDINATES', field: 'stops[2].location.latitude' }),
    );
    expect(() => geo.assertLocation({ latitude: 0, longitude: Number.NaN }, 'depot.location')).toThrow(RoutingError);
    expect(() => new EuclideanDistanceProvider().assertLocation({ x: 0, y: Number.POSITIVE_INFINITY }, 'p')).toThrow(
      expect.objectContaining({ code: 'INVALID_COORDINATES', field: 'p.y' }),
    );
  });
});
