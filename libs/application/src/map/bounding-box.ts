import { DomainError } from '#domain';

/** WGS 84 degrees, west/south/east/north as in a GeoJSON bbox (RFC 7946 §5). */
export interface BoundingBox {
  readonly minLongitude: number;
  readonly minLatitude: number;
  readonly maxLongitude: number;
  readonly maxLatitude: number;
}

/**
 * At most 5° on a side (about 550 × 380 km in France): a regional map. A national view would be a
 * clustering job, not tens of thousands of points per request.
 */
export const MAX_BBOX_DEGREES = 5;

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Parses `minLon,minLat,maxLon,maxLat`. Four finite numbers, longitudes within [-180, 180],
 * latitudes within [-90, 90], min < max on both axes (a box crossing the antimeridian is two
 * requests), and no side longer than MAX_BBOX_DEGREES.
 */
export function parseBoundingBox(raw: unknown, field = 'bbox'): BoundingBox {
  if (typeof raw !== 'string') throw new DomainError('INVALID_BBOX', field);
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((part) => NUMBER.test(part))) throw new DomainError('INVALID_BBOX', field, { value: raw });
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = parts.map(Number) as [number, number, number, number];
  const longitudeOk = (value: number): boolean => Number.isFinite(value) && value >= -180 && value <= 180;
  const latitudeOk = (value: number): boolean => Number.isFinite(value) && value >= -90 && value <= 90;
  if (!longitudeOk(minLongitude) || !longitudeOk(maxLongitude) || !latitudeOk(minLatitude) || !latitudeOk(maxLatitude)) {
    throw new DomainError('INVALID_BBOX', field, { value: raw });
  }
  if (!(minLongitude < maxLongitude) || !(minLatitude < maxLatitude)) throw new DomainError('INVALID_BBOX', field, { value: raw });
  if (maxLongitude - minLongitude > MAX_BBOX_DEGREES || maxLatitude - minLatitude > MAX_BBOX_DEGREES) {
    throw new DomainError('BBOX_TOO_LARGE', field, { maxDegrees: MAX_BBOX_DEGREES });
  }
  return { minLongitude, minLatitude, maxLongitude, maxLatitude };
}

export function containsPoint(box: BoundingBox, longitude: number, latitude: number): boolean {
  return longitude >= box.minLongitude && longitude <= box.maxLongitude && latitude >= box.minLatitude && latitude <= box.maxLatitude;
}

export const MAP_LAYERS = ['offers', 'recipients'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

function isMapLayer(value: string): value is MapLayer {
  return (MAP_LAYERS as readonly string[]).includes(value);
}

/** `offers,recipients` (any order, either alone); every layer when absent or empty. */
export function parseMapLayers(raw: unknown, field = 'layers'): ReadonlySet<MapLayer> {
  if (raw === undefined || raw === null || raw === '') return new Set(MAP_LAYERS);
  if (typeof raw !== 'string') throw new DomainError('UNKNOWN_MAP_LAYER', field, { value: JSON.stringify(raw) ?? typeof raw, allowed: MAP_LAYERS.join(', ') });
  const layers = new Set<MapLayer>();
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (!isMapLayer(name)) throw new DomainError('UNKNOWN_MAP_LAYER', field, { value: name, allowed: MAP_LAYERS.join(', ') });
    layers.add(name);
  }
  return layers;
}
