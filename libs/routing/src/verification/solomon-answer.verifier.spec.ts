import { verifySolomonAnswer } from './solomon-answer.verifier';

// Depot at the origin (due 100), customer 1 at (3, 4) window [10, 15], customer 2 at (6, 8) window [0, 30].
const file = `TINY

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        100          0
    1      3          4          4         10         15          2
    2      6          8          5          0         30          3
`;

describe('verifySolomonAnswer', () => {
  it('accepts a feasible answer and recomputes its distance', () => {
    expect(verifySolomonAnswer(file, { instance: 'TINY', vehicles: 1, distance: 20, routes: [[1, 2]] })).toEqual({ violations: [], distance: 20 });
  });

  it.each([
    ['a late customer', { vehicles: 1, distance: 20, routes: [[2, 1]] }, /customer 1 served at 18, after its due date 15/],
    ['a missing customer', { vehicles: 1, distance: 10, routes: [[1]] }, /customer 2 visited 0 times/],
    ['a customer twice', { vehicles: 2, distance: 40, routes: [[1, 2], [2]] }, /customer 2 visited 2 times/],
    ['too many routes', { vehicles: 3, distance: 50, routes: [[1], [2], [2]] }, /more than the 2 vehicles/],
    ['a wrong distance', { vehicles: 1, distance: 19, routes: [[1, 2]] }, /reported distance 19/],
    ['a wrong vehicle count', { vehicles: 2, distance: 20, routes: [[1, 2]] }, /reported 2 vehicles for 1 routes/],
    ['an unknown customer', { vehicles: 1, distance: 20, routes: [[1, 2, 7]] }, /unknown customer 7/],
  ])('reports %s', (_case, answer, message) => {
    expect(verifySolomonAnswer(file, { instance: 'TINY', ...answer }).violations.join('\n')).toMatch(message);
  });

  it('reports an overloaded route', () => {
    const heavy = file.replace('2         10', '2          8');
    expect(verifySolomonAnswer(heavy, { instance: 'TINY', vehicles: 1, distance: 20, routes: [[1, 2]] }).violations.join('\n')).toMatch(
      /load 9 over capacity 8/,
    );
  });

  it('reports a return after the depot closes', () => {
    const early = file.replace('0        100          0', '0         25          0');
    expect(verifySolomonAnswer(early, { instance: 'TINY', vehicles: 1, distance: 20, routes: [[1, 2]] }).violations.join('\n')).toMatch(
      /after the depot's due date 25/,
    );
  });
});
