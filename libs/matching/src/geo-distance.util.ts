import { EARTH_MEAN_RADIUS_KM } from '#domain';

/** WGS 84 degrees: what the batch allocator needs of a place (the domain's GeoPoint fits). */
export interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

export const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Below this (radians, about 64 km on the ground for a half-angle) the Taylor series below agree
 * with Math.sin and Math.asin to the last bit or so, and are several times faster: the batch
 * allocator evaluates hundreds of thousands of distances per call.
 */
const SMALL_ANGLE = 0.01;

function sine(x: number): number {
  if (Math.abs(x) >= SMALL_ANGLE) return Math.sin(x);
  const x2 = x * x;
  // x − x³/6 + x⁵/120; the next term is below 2e−18 · x.
  return x * (1 - (x2 / 6) * (1 - x2 / 20));
}

function arcsine(x: number): number {
  if (x >= SMALL_ANGLE) return Math.asin(Math.min(1, x));
  const x2 = x * x;
  // x + x³/6 + 3x⁵/40; the next term is below 5e−10 · x⁷.
  return x * (1 + (x2 / 6) * (1 + (9 * x2) / 20));
}

/**
 * The domain's haversineKm, from angles already in radians and with the cosines of both latitudes
 * given: the batch allocator measures each donor site against many recipients and computes each
 * cosine once.
 */
export function haversineRadiansKm(dLat: number, dLon: number, cosLatA: number, cosLatB: number): number {
  const a = sine(dLat / 2);
  const b = sine(dLon / 2);
  return 2 * EARTH_MEAN_RADIUS_KM * arcsine(Math.sqrt(a * a + cosLatA * cosLatB * b * b));
}
