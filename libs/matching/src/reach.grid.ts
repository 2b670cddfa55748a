import { EARTH_MEAN_RADIUS_KM } from '#domain';

/**
 * Which recipients might reach a point, without measuring the distance to each of them: a grid of
 * cells over the area, each cell listing the recipients whose service disc may cover part of it.
 * The batch allocator asks once per donor site; in a région with radii of 10–40 km that leaves a
 * fifth to a third of the recipients to measure, instead of all of them.
 *
 * Conservative by construction: a recipient is listed in every cell that meets the bounding box of
 * its disc (in degrees, widened for longitude on the poleward side), so nobody within reach is
 * ever missed; the caller still measures and checks the radius. Longitudes are not wrapped at
 * ±180°, which no French site comes near.
 */
export interface ReachGrid {
  readonly south: number;
  readonly west: number;
  readonly cellLatitude: number;
  readonly cellLongitude: number;
  readonly rows: number;
  readonly columns: number;
  /** Cell c lists members[start[c] .. start[c + 1]), recipient indexes in increasing order. */
  readonly start: Int32Array;
  readonly members: Int32Array;
}

const KM_PER_DEGREE = (EARTH_MEAN_RADIUS_KM * Math.PI) / 180;
/** Rounding and the small-angle approximations of the box must never cut a disc short. */
const SAFETY = 1.01;
const MAX_CELLS = 1 << 18;
const MIN_CELL_KM = 1;

function halfWidths(latitude: number, radiusKm: number): { latitude: number; longitude: number } {
  const halfLatitude = (SAFETY * radiusKm) / KM_PER_DEGREE;
  const poleward = Math.min(89, Math.abs(latitude) + halfLatitude);
  return { latitude: halfLatitude, longitude: (SAFETY * radiusKm) / (KM_PER_DEGREE * Math.cos((poleward * Math.PI) / 180)) };
}

export function buildReachGrid(latitudes: ArrayLike<number>, longitudes: ArrayLike<number>, radiiKm: ArrayLike<number>): ReachGrid {
  const m = latitudes.length;
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  const radii: number[] = [];
  for (let r = 0; r < m; r += 1) {
    const reach = Math.max(0, radiiKm[r]);
    const half = halfWidths(latitudes[r], reach);
    south = Math.min(south, latitudes[r] - half.latitude);
    north = Math.max(north, latitudes[r] + half.latitude);
    west = Math.min(west, longitudes[r] - half.longitude);
    east = Math.max(east, longitudes[r] + half.longitude);
    radii.push(reach);
  }
  if (m === 0) {
    return { south: 0, west: 0, cellLatitude: 1, cellLongitude: 1, rows: 0, columns: 0, start: new Int32Array(1), members: new Int32Array(0) };
  }
  // Cells of about half the median radius: a disc then covers a few dozen cells, and a cell holds
  // few recipients that cannot reach any of its points.
  radii.sort((a, b) => a - b);
  let cellKm = Math.max(MIN_CELL_KM, radii[radii.length >> 1] / 2);
  const middle = ((south + north) / 2) * (Math.PI / 180);
  let cellLatitude = cellKm / KM_PER_DEGREE;
  let cellLongitude = cellKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos(middle)));
  let rows = Math.max(1, Math.ceil((north - south) / cellLatitude));
  let columns = Math.max(1, Math.ceil((east - west) / cellLongitude));
  while (rows * columns > MAX_CELLS) {
    cellKm *= 2;
    cellLatitude *= 2;
    cellLongitude *= 2;
    rows = Math.max(1, Math.ceil((north - south) / cellLatitude));
    columns = Math.max(1, Math.ceil((east - west) / cellLongitude));
  }

  // Each recipient's range of rows and columns, then a count per cell, then the lists.
  const ranges = new Int32Array(4 * m);
  const start = new Int32Array(rows * columns + 1);
  for (let r = 0; r < m; r += 1) {
    const half = halfWidths(latitudes[r], Math.max(0, radiiKm[r]));
    ranges[4 * r] = clampCell(latitudes[r] - half.latitude, south, cellLatitude, rows);
    ranges[4 * r + 1] = clampCell(latitudes[r] + half.latitude, south, cellLatitude, rows);
    ranges[4 * r + 2] = clampCell(longitudes[r] - half.longitude, west, cellLongitude, columns);
    ranges[4 * r + 3] = clampCell(longitudes[r] + half.longitude, west, cellLongitude, columns);
    for (let row = ranges[4 * r]; row <= ranges[4 * r + 1]; row += 1) {
      for (let column = ranges[4 * r + 2]; column <= ranges[4 * r + 3]; column += 1) start[row * columns + column + 1] += 1;
    }
  }
  for (let c = 0; c < rows * columns; c += 1) start[c + 1] += start[c];
  const fill = start.slice(0, rows * columns);
  const members = new Int32Array(start[rows * columns]);
  for (let r = 0; r < m; r += 1) {
    for (let row = ranges[4 * r]; row <= ranges[4 * r + 1]; row += 1) {
      for (let column = ranges[4 * r + 2]; column <= ranges[4 * r + 3]; column += 1) members[fill[row * columns + column]++] = r;
    }
  }
  return { south, west, cellLatitude, cellLongitude, rows, columns, start, members };
}

function clampCell(value: number, origin: number, size: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor((value - origin) / size)));
}

/**
 * The cell of a point (degrees), whose recipients are members[start[cell] .. start[cell + 1]) in
 * increasing index order; −1 outside the grid, where nobody reaches. An index rather than a
 * subarray: creating typed-array views costs more than the rest of the lookup.
 */
export function cellOf(grid: ReachGrid, latitude: number, longitude: number): number {
  const row = Math.floor((latitude - grid.south) / grid.cellLatitude);
  const column = Math.floor((longitude - grid.west) / grid.cellLongitude);
  if (!(row >= 0 && row < grid.rows && column >= 0 && column < grid.columns)) return -1;
  return row * grid.columns + column;
}
