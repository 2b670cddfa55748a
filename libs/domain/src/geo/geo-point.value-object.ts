import { DomainError } from '../errors/domain-error';

/**
 * Mean Earth radius (IUGG, the WGS 84 mean radius): the sphere every distance of the application is
 * measured on, here and in SQL (glane_distance_km, PostGIS geography with use_spheroid false, uses the
 * same radius). See docs/domain-rules.md, Distances.
 */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

/** A WGS 84 position. Immutable; only valid coordinates can exist. */
export class GeoPoint {
  private constructor(
    readonly latitude: number,
    readonly longitude: number,
  ) {
    Object.freeze(this);
  }

  /**
   * @param field the input path of the point (e.g. 'location'), so errors name
   *   'location.latitude' or 'location.longitude'.
   */
  static of(latitude: number, longitude: number, field = 'location'): GeoPoint {
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new DomainError('INVALID_LATITUDE', joinField(field, 'latitude'), { min: -90, max: 90 });
    }
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new DomainError('INVALID_LONGITUDE', joinField(field, 'longitude'), { min: -180, max: 180 });
    }
    // -0 would make equal points compare unequal once serialised.
    return new GeoPoint(latitude + 0, longitude + 0);
  }

  equals(other: GeoPoint): boolean {
    return this.latitude === other.latitude && this.longitude === other.longitude;
  }

  distanceKmTo(other: GeoPoint): number {
    return haversineKm(this, other);
  }

  toJSON(): { latitude: number; longitude: number } {
    return { latitude: this.latitude, longitude: this.longitude };
  }
}

/**
 * Great-circle distance on the sphere of EARTH_MEAN_RADIUS_KM: the application's one distance, the
 * same (to the micrometre) as the SQL functions glane_distance_km and glane_within_km.
 */
export function haversineKm(
  a: { readonly latitude: number; readonly longitude: number },
  b: { readonly latitude: number; readonly longitude: number },
): number {
  const toRad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRad;
  const dLon = (b.longitude - a.longitude) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRad) * Math.cos(b.latitude * toRad) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair above 1 for antipodes, where asin would return NaN.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

function joinField(prefix: string, leaf: string): string {
  return prefix ? `${prefix}.${leaf}` : leaf;
}
