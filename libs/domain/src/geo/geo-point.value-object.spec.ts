import fc from 'fast-check';
import { EARTH_MEAN_RADIUS_KM, GeoPoint, haversineKm } from './geo-point.value-object';

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const point = fc.tuple(latitude, longitude).map(([lat, lon]) => GeoPoint.of(lat, lon));

describe('GeoPoint', () => {
  it('accepts the bounds themselves', () => {
    expect(GeoPoint.of(90, 180).toJSON()).toEqual({ latitude: 90, longitude: 180 });
    expect(GeoPoint.of(-90, -180).toJSON()).toEqual({ latitude: -90, longitude: -180 });
  });

  it.each([
    [90.000001, 0, 'INVALID_LATITUDE', 'location.latitude'],
    [-91, 0, 'INVALID_LATITUDE', 'location.latitude'],
    [Number.NaN, 0, 'INVALID_LATITUDE', 'location.latitude'],
    [0, 180.5, 'INVALID_LONGITUDE', 'location.longitude'],
    [0, -Infinity, 'INVALID_LONGITUDE', 'location.longitude'],
  ])('refuses (%p, %p) with %s on %s', (lat, lon, code, field) => {
    expect(() => GeoPoint.of(lat, lon)).toThrow(expect.objectContaining({ code, field }) as Error);
  });

  it('names the field under the prefix given', () => {
    expect(() => GeoPoint.of(100, 0, 'near')).toThrow(expect.objectContaining({ field: 'near.latitude' }) as Error);
  });

  it('cannot be changed once made', () => {
    const p = GeoPoint.of(48.85, 2.35);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('measures Paris to Lyon at about 392 km', () => {
    const paris = GeoPoint.of(48.8566, 2.3522);
    const lyon = GeoPoint.of(45.764, 4.8357);
    expect(paris.distanceKmTo(lyon)).toBeGreaterThan(390);
    expect(paris.distanceKmTo(lyon)).toBeLessThan(394);
  });

  // Near antipodes, haversine's asin loses about 1e-5 km to rounding: tolerances are a metre, far
  // below what matching cares about.
  it('is a metric on the sphere (property)', () => {
    const tolerance = 1e-3;
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = haversineKm(a, b);
        expect(haversineKm(a, a)).toBe(0);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_MEAN_RADIUS_KM + tolerance);
        expect(Math.abs(ab - haversineKm(b, a))).toBeLessThan(tolerance);
        expect(haversineKm(a, c)).toBeLessThanOrEqual(ab + haversineKm(b, c) + tolerance);
      }),
    );
  });
});
