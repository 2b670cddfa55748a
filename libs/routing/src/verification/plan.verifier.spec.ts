import type { CheckedPlan, CheckedProblem } from './plan.verifier';
import { planeTravel, verifyPlan } from './plan.verifier';

type Point = { x: number; y: number };

// Depot at the origin; a at (3, 4) (5 away), b at (6, 8) (5 further, 10 from the depot).
const problem: CheckedProblem<Point> = {
  depot: { id: 'depot', location: { x: 0, y: 0 }, window: { start: 0, end: 100 } },
  stops: [
    { id: 'a', location: { x: 3, y: 4 }, demandKg: 4, window: { start: 10, end: 30 }, serviceTime: 2, temperature: 'AMBIENT' },
    { id: 'b', location: { x: 6, y: 8 }, demandKg: 5, window: { start: 0, end: 100 }, serviceTime: 3, temperature: 'CHILLED' },
  ],
  vehicles: [
    { id: 'van', capacityKg: 10, refrigerated: true },
    { id: 'car', capacityKg: 10, refrigerated: false, insulatedBoxMaxTime: 20 },
  ],
  maxRouteDuration: 40,
};

// Leave at 5, a at 10–12, b at 17–20, back at 30: 25 long, distance 20, 9 kg.
const good: CheckedPlan = {
  routes: [
    {
      vehicleId: 'van',
      departure: 5,
      visits: [
        { stopId: 'a', arrival: 10, serviceStart: 10, departure: 12 },
        { stopId: 'b', arrival: 17, serviceStart: 17, departure: 20 },
      ],
      return: 30,
      distance: 20,
      loadKg: 9,
    },
  ],
  unserved: [],
  distance: 20,
  vehicleCount: 1,
};

type Route = CheckedPlan['routes'][number];
const withRoute = (change: (route: Route) => Route, plan: CheckedPlan = good): CheckedPlan => ({ ...plan, routes: [change(plan.routes[0])] });

describe('verifyPlan', () => {
  it('accepts a feasible plan', () => {
    expect(verifyPlan(problem, good, planeTravel)).toEqual([]);
  });

  it.each<[string, CheckedPlan, RegExp]>([
    ['a stop served twice', { ...good, unserved: [{ stopId: 'a', reason: 'FLEET_EXHAUSTED' }] }, /stop a appears 2 times/],
    ['a stop missing', withRoute((r) => ({ ...r, visits: r.visits.slice(0, 1) })), /stop b appears 0 times/],
    [
      'service before the window opens',
      withRoute((r) => ({ ...r, departure: 0, visits: [{ ...r.visits[0], arrival: 5, serviceStart: 5, departure: 7 }, ...r.visits.slice(1)] })),
      /before the window opens/,
    ],
    [
      'service ending after the window',
      withRoute((r) => ({
        ...r,
        departure: 25,
        visits: [
          { stopId: 'a', arrival: 30, serviceStart: 30, departure: 32 },
          { stopId: 'b', arrival: 37, serviceStart: 37, departure: 40 },
        ],
        return: 50,
      })),
      /after the window closes/,
    ],
    ['a service shorter than its service time', withRoute((r) => ({ ...r, visits: [{ ...r.visits[0], departure: 11 }, r.visits[1]] })), /service time/],
    [
      'an arrival faster than travel',
      withRoute((r) => ({ ...r, visits: [r.visits[0], { ...r.visits[1], arrival: 15, serviceStart: 15, departure: 18 }], return: 28 })),
      /not departure \+ travel/,
    ],
  ])('reports %s', (_case, plan, message) => {
    const problems = verifyPlan(problem, plan, planeTravel);
    expect(problems.join('\n')).toMatch(message);
  });

  it('reports a return after the depot closes', () => {
    const early: CheckedProblem<Point> = { ...problem, depot: { ...problem.depot, window: { start: 0, end: 29 } } };
    expect(verifyPlan(early, good, planeTravel).join('\n')).toMatch(/back after the depot closes/);
  });

  it('reports a route longer than the maximum duration', () => {
    const long: CheckedProblem<Point> = { ...problem, maxRouteDuration: 24 };
    expect(verifyPlan(long, good, planeTravel).join('\n')).toMatch(/lasts 25, more than 24/);
  });

  it('reports a load over capacity', () => {
    const small: CheckedProblem<Point> = { ...problem, vehicles: [{ id: 'van', capacityKg: 8, refrigerated: true }] };
    expect(verifyPlan(small, good, planeTravel).join('\n')).toMatch(/over capacity/);
  });

  it('reports chilled goods in a vehicle without a cold chain', () => {
    const noBox: CheckedProblem<Point> = { ...problem, vehicles: [{ id: 'van', capacityKg: 10, refrigerated: false }] };
    expect(verifyPlan(noBox, good, planeTravel).join('\n')).toMatch(/no cold chain/);
  });

  it('reports chilled goods longer in the box than allowed', () => {
    const inCar = withRoute((r) => ({ ...r, vehicleId: 'car' }));
    // b is picked up at 17 and arrives at 30: 13 on board.
    expect(verifyPlan(problem, inCar, planeTravel)).toEqual([]);
    const tight: CheckedProblem<Point> = { ...problem, vehicles: [{ id: 'car', capacityKg: 10, refrigerated: false, insulatedBoxMaxTime: 12 }] };
    expect(verifyPlan(tight, inCar, planeTravel).join('\n')).toMatch(/ride 13, more than the box allows/);
  });

  it('reports wrong figures', () => {
    expect(verifyPlan(problem, { ...good, distance: 19 }, planeTravel).join('\n')).toMatch(/reported distance 19/);
    expect(verifyPlan(problem, { ...good, vehicleCount: 2 }, planeTravel).join('\n')).toMatch(/reported 2 vehicles/);
    expect(
      verifyPlan(
        problem,
        withRoute((r) => ({ ...r, loadKg: 8 })),
        planeTravel,
      ).join('\n'),
    ).toMatch(/reported load 8/);
  });

  it('reports unknown vehicles and a vehicle used twice', () => {
    expect(
      verifyPlan(
        problem,
        withRoute((r) => ({ ...r, vehicleId: 'bike' })),
        planeTravel,
      ).join('\n'),
    ).toMatch(/unknown vehicle bike/);
    const split: CheckedPlan = {
      ...good,
      routes: [
        { ...good.routes[0], visits: good.routes[0].visits.slice(0, 1), return: 17, distance: 10, loadKg: 4 },
        { vehicleId: 'van', departure: 0, visits: [{ stopId: 'b', arrival: 10, serviceStart: 10, departure: 13 }], return: 23, distance: 20, loadKg: 5 },
      ],
      distance: 30,
      vehicleCount: 2,
    };
    expect(verifyPlan(problem, split, planeTravel).join('\n')).toMatch(/vehicle van has two routes/);
  });
});
