import { RoutingError } from '../routing-error';
import type { DistanceProvider, TravelMatrix } from './distance-provider.port';

export interface PlanePoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Straight-line distance in the plane, not rounded, travelled at `speed` distance units per time
 * unit: the convention of the Solomon and Gehring–Homberger benchmark instances (speed 1).
 */
export class EuclideanDistanceProvider implements DistanceProvider<PlanePoint> {
  constructor(private readonly speed = 1) {
    if (!(Number.isFinite(speed) && speed > 0)) throw new RoutingError('INVALID_SEARCH_OPTIONS', 'speed');
  }

  assertLocation(location: PlanePoint, field: string): void {
    const { x, y } = location ?? {};
    if (!(typeof x === 'number' && Number.isFinite(x))) throw new RoutingError('INVALID_COORDINATES', `${field}.x`);
    if (!(typeof y === 'number' && Number.isFinite(y))) throw new RoutingError('INVALID_COORDINATES', `${field}.y`);
  }

  async matrix(locations: readonly PlanePoint[]): Promise<TravelMatrix> {
    const size = locations.length;
    const distance = new Float64Array(size * size);
    const time = new Float64Array(size * size);
    for (let i = 0; i < size; i += 1) {
      for (let j = 0; j < size; j += 1) {
        const dx = locations[i].x - locations[j].x;
        const dy = locations[i].y - locations[j].y;
        const d = Math.sqrt(dx * dx + dy * dy);
        distance[i * size + j] = d;
        time[i * size + j] = d / this.speed;
      }
    }
    return { size, distance, time };
  }
}
