import fc from 'fast-check';
import { TemperatureClass } from '#domain';
import { EuclideanDistanceProvider, type PlanePoint } from './distance/euclidean.distance-provider';
import type { RoutingPlan, RoutingProblem } from './routing-problem.type';
import { solveRouting, type SolveOptions } from './routing.solver';
import { exhaustiveOptimum } from './testing/exhaustive-optimum.fixture';
import { randomProblem } from './testing/random-problem.fixture';
import { planeTravel, verifyPlan } from './verification/plan.verifier';

const plane = new EuclideanDistanceProvider();
// Unit tests run from the TypeScript sources, where the search runs in this thread (the worker
// thread needs the built JavaScript; routing-solve.command.spec.ts covers it).
const options: SolveOptions = { threads: 1, maxSeconds: 60 };

async function solveAndVerify(problem: RoutingProblem<PlanePoint>, extra: SolveOptions = {}): Promise<RoutingPlan> {
  const plan = await solveRouting(problem, plane, { ...options, ...extra });
  expect(verifyPlan(problem, plan, planeTravel)).toEqual([]);
  return plan;
}

const ambient = TemperatureClass.AMBIENT;

/** A ring of stops around the depot, all easy to serve. */
function ringProblem(stops: number): RoutingProblem<PlanePoint> {
  return {
    depot: { id: 'depot', location: { x: 50, y: 50 }, window: { start: 0, end: 1000 } },
    stops: Array.from({ length: stops }, (_, k) => ({
      id: `s${k + 1}`,
      location: { x: 50 + 40 * Math.cos((2 * Math.PI * k) / stops) + (k % 3), y: 50 + 40 * Math.sin((2 * Math.PI * k) / stops) },
      demandKg: 5 + (k % 7),
      window: { start: (k * 37) % 300, end: ((k * 37) % 300) + 250 },
      serviceTime: 5,
      temperature: ambient,
    })),
    vehicles: [1, 2, 3, 4].map((k) => ({ id: `v${k}`, capacityKg: 60, refrigerated: false })),
  };
}

describe('solveRouting', () => {
  it('returns feasible plans on random small instances, equal to the exhaustive optimum', async () => {
    await fc.assert(
      fc.asyncProperty(randomProblem(7), async (problem) => {
        const plan = await solveAndVerify(problem, { iterations: 3000, runs: 1 });
        const optimum = exhaustiveOptimum(problem);
        expect(problem.stops.length - plan.unserved.length).toBe(optimum.served);
        expect(plan.distance).toBeCloseTo(optimum.distance, 6);
      }),
      { numRuns: 40, seed: 20260 },
    );
  });

  it('matches the exhaustive optimum on instances of eight stops', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomProblem(8).filter((problem) => problem.stops.length === 8),
        async (problem) => {
          const plan = await solveAndVerify(problem, { iterations: 4000, runs: 1 });
          const optimum = exhaustiveOptimum(problem);
          expect(problem.stops.length - plan.unserved.length).toBe(optimum.served);
          expect(plan.distance).toBeCloseTo(optimum.distance, 6);
        },
      ),
      { numRuns: 5, seed: 7 },
    );
  });

  it('returns feasible plans on random larger instances', async () => {
    await fc.assert(
      fc.asyncProperty(randomProblem(40), async (problem) => {
        await solveAndVerify(problem, { iterations: 500 });
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('gives the same plan for the same seed and budget, and may differ for another seed', async () => {
    const problem = ringProblem(40);
    const first = await solveAndVerify(problem, { seed: 5, iterations: 600 });
    const again = await solveAndVerify(problem, { seed: 5, iterations: 600 });
    expect(again).toEqual(first);
    const others = await Promise.all([6, 7, 8].map((seed) => solveAndVerify(problem, { seed, iterations: 600 })));
    expect(others.some((plan) => JSON.stringify(plan.routes) !== JSON.stringify(first.routes))).toBe(true);
  });

  it('asked to search off the main thread, runs on this one from the sources (no worker file) and finds the same plan', async () => {
    const problem = ringProblem(20);
    const here = await solveAndVerify(problem, { seed: 4, iterations: 300, runs: 2 });
    expect(await solveAndVerify(problem, { seed: 4, iterations: 300, runs: 2, threads: 2, offMainThread: true })).toEqual(here);
  });

  it('never gives a worse plan for more iterations', async () => {
    const problem = ringProblem(30);
    let previous = Number.POSITIVE_INFINITY;
    const distances: number[] = [];
    for (const iterations of [0, 50, 200, 800, 3200]) {
      const plan = await solveAndVerify(problem, { seed: 3, iterations });
      distances.push(plan.distance);
      expect(plan.distance).toBeLessThanOrEqual(previous + 1e-9);
      previous = plan.distance;
    }
    // The budget matters: the search improves on the construction.
    expect(distances[distances.length - 1]).toBeLessThan(distances[0]);
  });

  describe('stops it cannot serve', () => {
    const base = ringProblem(6);

    it('names a stop whose window closes before any vehicle can reach it', async () => {
      const problem: RoutingProblem<PlanePoint> = {
        ...base,
        stops: [...base.stops, { id: 'late', location: { x: 95, y: 95 }, demandKg: 1, window: { start: 0, end: 20 }, serviceTime: 5, temperature: ambient }],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.unserved).toEqual([{ stopId: 'late', reason: 'TIME_WINDOW_UNREACHABLE' }]);
      expect(plan.routes.flatMap((route) => route.visits)).toHaveLength(6);
    });

    it('names a stop whose demand exceeds every vehicle', async () => {
      const problem: RoutingProblem<PlanePoint> = {
        ...base,
        stops: [...base.stops, { id: 'heavy', location: { x: 55, y: 55 }, demandKg: 61, window: { start: 0, end: 900 }, serviceTime: 5, temperature: ambient }],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.unserved).toEqual([{ stopId: 'heavy', reason: 'DEMAND_EXCEEDS_CAPACITY' }]);
      expect(plan.routes.flatMap((route) => route.visits)).toHaveLength(6);
    });

    it('names chilled goods when no vehicle keeps the cold chain', async () => {
      const problem: RoutingProblem<PlanePoint> = {
        ...base,
        stops: [
          ...base.stops,
          { id: 'yoghurts', location: { x: 55, y: 55 }, demandKg: 5, window: { start: 0, end: 900 }, serviceTime: 5, temperature: TemperatureClass.CHILLED },
        ],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.unserved).toEqual([{ stopId: 'yoghurts', reason: 'COLD_CHAIN' }]);
      expect(plan.routes.flatMap((route) => route.visits)).toHaveLength(6);
    });

    it('says the fleet is exhausted when each stop fits alone but not all together', async () => {
      const problem: RoutingProblem<PlanePoint> = {
        ...base,
        stops: base.stops.map((stop) => ({ ...stop, demandKg: 40 })),
        vehicles: [{ id: 'only', capacityKg: 100, refrigerated: false }],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.routes.flatMap((route) => route.visits)).toHaveLength(2);
      expect(plan.unserved).toHaveLength(4);
      expect(new Set(plan.unserved.map((stop) => stop.reason))).toEqual(new Set(['FLEET_EXHAUSTED']));
    });
  });

  describe('the cold chain', () => {
    const chilled = (id: string, x: number, start: number) => ({
      id,
      location: { x, y: 50 },
      demandKg: 5,
      window: { start, end: start + 100 },
      serviceTime: 5,
      temperature: TemperatureClass.CHILLED,
    });
    const depot = { id: 'depot', location: { x: 0, y: 50 }, window: { start: 0, end: 1000 } };

    it('puts chilled goods in the refrigerated vehicle, ambient goods anywhere', async () => {
      const problem: RoutingProblem<PlanePoint> = {
        depot,
        stops: [chilled('c1', 30, 0), { ...chilled('a1', 31, 0), temperature: ambient }],
        vehicles: [
          { id: 'car', capacityKg: 100, refrigerated: false },
          { id: 'van', capacityKg: 100, refrigerated: true },
        ],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.unserved).toEqual([]);
      const van = plan.routes.find((route) => route.vehicleId === 'van');
      expect(van?.visits.map((visit) => visit.stopId)).toContain('c1');
    });

    it('allows an insulated box only within its time on board', async () => {
      // c1 is 40 from the depot: 5 of service + 40 of travel = 45 on board at least.
      const stops = [chilled('c1', 40, 0)];
      const short = await solveAndVerify({ depot, stops, vehicles: [{ id: 'car', capacityKg: 100, refrigerated: false, insulatedBoxMaxTime: 44 }] });
      expect(short.unserved).toEqual([{ stopId: 'c1', reason: 'COLD_CHAIN' }]);
      const long = await solveAndVerify({ depot, stops, vehicles: [{ id: 'car', capacityKg: 100, refrigerated: false, insulatedBoxMaxTime: 46 }] });
      expect(long.unserved).toEqual([]);
    });

    it('picks chilled goods up last when the box time requires it', async () => {
      // Both on the way out; the chilled stop must come after the far ambient one to keep its
      // time on board under 70, although visiting it first would be as short.
      const problem: RoutingProblem<PlanePoint> = {
        depot,
        stops: [
          { ...chilled('c1', 20, 0), window: { start: 0, end: 500 } },
          { ...chilled('a1', 60, 0), window: { start: 0, end: 500 }, temperature: ambient },
        ],
        vehicles: [{ id: 'car', capacityKg: 100, refrigerated: false, insulatedBoxMaxTime: 70 }],
      };
      const plan = await solveAndVerify(problem, { iterations: 300 });
      expect(plan.unserved).toEqual([]);
      expect(plan.routes[0].visits.map((visit) => visit.stopId)).toEqual(['a1', 'c1']);
    });
  });

  it('keeps routes within the maximum duration, splitting them when needed', async () => {
    const problem: RoutingProblem<PlanePoint> = { ...ringProblem(12), maxRouteDuration: 200 };
    const plan = await solveAndVerify(problem, { iterations: 1000 });
    expect(plan.unserved).toEqual([]);
    for (const route of plan.routes) expect(route.return - route.departure).toBeLessThanOrEqual(200);
    const unlimited = await solveAndVerify(ringProblem(12), { iterations: 1000 });
    expect(plan.vehicleCount).toBeGreaterThan(unlimited.vehicleCount);
  });
});
