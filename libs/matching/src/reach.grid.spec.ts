import fc from 'fast-check';
import { haversineKm } from '#domain';
import { buildReachGrid, cellOf } from './reach.grid';

function near(grid: ReturnType<typeof buildReachGrid>, latitude: number, longitude: number): number[] {
  const cell = cellOf(grid, latitude, longitude);
  return cell === -1 ? [] : Array.from(grid.members.subarray(grid.start[cell], grid.start[cell + 1]));
}

describe('buildReachGrid', () => {
  const place = fc.record({ latitude: fc.double({ min: 42, max: 51, noNaN: true }), longitude: fc.double({ min: -4, max: 8, noNaN: true }) });
  const recipients = fc.array(fc.record({ place, radiusKm: fc.double({ min: 0, max: 80, noNaN: true }) }), { minLength: 1, maxLength: 40 });

  it('never leaves out a recipient that reaches the point, wherever it is in France', () => {
    fc.assert(
      fc.property(recipients, fc.array(place, { minLength: 1, maxLength: 20 }), (list, points) => {
        const grid = buildReachGrid(
          list.map((recipient) => recipient.place.latitude),
          list.map((recipient) => recipient.place.longitude),
          list.map((recipient) => recipient.radiusKm),
        );
        for (const point of points) {
          const listed = new Set(near(grid, point.latitude, point.longitude));
          list.forEach((recipient, r) => {
            if (haversineKm(recipient.place, point) <= recipient.radiusKm) expect(listed.has(r)).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('points close to a recipient, including the edge of its disc, find it', () => {
    const grid = buildReachGrid([45.764], [4.8357], [10]);
    // 9.9 km due north and due east of Lyon.
    expect(near(grid, 45.764 + 9.9 / 111.19, 4.8357)).toEqual([0]);
    expect(near(grid, 45.764, 4.8357 + 9.9 / (111.19 * Math.cos((45.764 * Math.PI) / 180)))).toEqual([0]);
  });

  it('lists recipients of a cell in increasing order, so pairs come out sorted', () => {
    const grid = buildReachGrid([45.7, 45.71, 45.72], [4.8, 4.81, 4.82], [20, 20, 20]);

    expect(near(grid, 45.71, 4.81)).toEqual([0, 1, 2]);
  });

  it('finds nobody far outside every disc, and copes with no recipients at all', () => {
    expect(cellOf(buildReachGrid([45.7], [4.8], [10]), 48.85, 2.35)).toBe(-1);
    expect(cellOf(buildReachGrid([], [], []), 45.7, 4.8)).toBe(-1);
  });
});
