import { haversineKm } from '#domain';
import { RoutingError } from '../routing-error';
import type { DistanceProvider, TravelMatrix } from './distance-provider.port';
import { TRAVEL_CONFIG } from './travel.config';

export interface GeoLocation {
  readonly latitude: number;
  readonly longitude: number;
}

/** Great-circle distance × detour factor, in km; travel time at an average speed, in minutes. */
export class GreatCircleDistanceProvider implements DistanceProvider<GeoLocation> {
  constructor(
    private readonly detourFactor: number = TRAVEL_CONFIG.detourFactor,
    private readonly averageSpeedKmh: number = TRAVEL_CONFIG.averageSpeedKmh,
  ) {
    if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'detourFactor');
    if (!(Number.isFinite(averageSpeedKmh) && averageSpeedKmh > 0)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'averageSpeedKmh');
  }

  assertLocation(location: GeoLocation, field: string): void {
    const { latitude, longitude } = location ?? {};
    if (!(typeof latitude === 'number' && Number.isFinite(latitude) && Math.abs(latitude) <= 90)) {
      throw new RoutingError('INVALID_COORDINATES', `${field}.latitude`);
    }
    if (!(typeof longitude === 'number' && Number.isFinite(longitude) && Math.abs(longitude) <= 180)) {
      throw new RoutingError('INVALID_COORDINATES', `${field}.longitude`);
    }
  }

  async matrix(locations: readonly GeoLocation[]): Promise<TravelMatrix> {
    const size = locations.length;
    const distance = new Float64Array(size * size);
    const time = new Float64Array(size * size);
    const minutesPerKm = 60 / this.averageSpeedKmh;
    for (let i = 0; i < size; i += 1) {
      for (let j = i + 1; j < size; j += 1) {
        const km = haversineKm(locations[i], locations[j]) * this.detourFactor;
        distance[i * size + j] = km;
        distance[j * size + i] = km;
        time[i * size + j] = km * minutesPerKm;
        time[j * size + i] = km * minutesPerKm;
      }
    }
    return { size, distance, time };
  }
}
