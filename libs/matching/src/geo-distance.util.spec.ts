import fc from 'fast-check';
import { haversineKm } from '#domain';
import { haversineRadiansKm, RADIANS_PER_DEGREE } from './geo-distance.util';

function fast(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  return haversineRadiansKm(
    (b.latitude - a.latitude) * RADIANS_PER_DEGREE,
    (b.longitude - a.longitude) * RADIANS_PER_DEGREE,
    Math.cos(a.latitude * RADIANS_PER_DEGREE),
    Math.cos(b.latitude * RADIANS_PER_DEGREE),
  );
}

describe('haversineRadiansKm', () => {
  it('measures Lyon to Villeurbanne like the domain does', () => {
    const lyon = { latitude: 45.764, longitude: 4.8357 };
    const villeurbanne = { latitude: 45.7719, longitude: 4.8902 };

    expect(fast(lyon, villeurbanne)).toBeCloseTo(haversineKm(lyon, villeurbanne), 9);
  });

  it('agrees with the domain haversine to the micrometre in France and far beyond', () => {
    const point = fc.record({
      latitude: fc.double({ min: 41, max: 51.5, noNaN: true }),
      longitude: fc.double({ min: -5.5, max: 9.6, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(Math.abs(fast(a, b) - haversineKm(a, b))).toBeLessThan(1e-9);
      }),
    );
  });

  it('is zero from a point to itself', () => {
    expect(fast({ latitude: 45, longitude: 5 }, { latitude: 45, longitude: 5 })).toBe(0);
  });
});
