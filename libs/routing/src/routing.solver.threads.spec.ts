import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TemperatureClass } from '#domain';
import type { PlanePoint } from './distance/euclidean.distance-provider';
import type * as Routing from './index';
import type { RoutingProblem } from './routing-problem.type';
import { eventLoopTurnsDuring } from './testing/event-loop-turns.fixture';

/**
 * The solver as the API and the commands run it: the built JavaScript, whose worker file exists (from
 * the TypeScript sources every lane runs on the calling thread, see routing.solver.spec.ts). `npm test`
 * builds first; alone, run `npm run build` before this file.
 */
const BUILT = join(__dirname, '../../../dist/libs/routing/src/index.js');

/** Stops on a ring around the depot, with windows: enough search to take a while, small enough for a test. */
function ringProblem(stops: number): RoutingProblem<PlanePoint> {
  return {
    depot: { id: 'depot', location: { x: 50, y: 50 }, window: { start: 0, end: 1000 } },
    stops: Array.from({ length: stops }, (_, k) => ({
      id: `s${k + 1}`,
      location: { x: 50 + 40 * Math.cos((2 * Math.PI * k) / stops) + (k % 3), y: 50 + 40 * Math.sin((2 * Math.PI * k) / stops) },
      demandKg: 5 + (k % 7),
      window: { start: (k * 37) % 300, end: ((k * 37) % 300) + 250 },
      serviceTime: 5,
      temperature: TemperatureClass.AMBIENT,
    })),
    vehicles: [1, 2, 3, 4].map((k) => ({ id: `v${k}`, capacityKg: 60, refrigerated: false })),
  };
}

describe('solveRouting, built, with worker threads', () => {
  let routing: typeof Routing;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` before these tests`);
    routing = (await import(BUILT)) as typeof Routing;
  });

  // Bounded by iterations, never by the clock (maxSeconds far away): what makes plans repeatable.
  const solve = (options: Routing.SolveOptions) =>
    eventLoopTurnsDuring(() =>
      routing.solveRouting(ringProblem(30), new routing.EuclideanDistanceProvider(), { seed: 3, iterations: 1000, maxSeconds: 120, ...options }),
    );

  it('off the main thread, leaves the event loop turning while it searches, and finds the plan the calling thread finds', async () => {
    const here = await solve({ runs: 1, threads: 1 });
    const away = await solve({ runs: 1, threads: 1, offMainThread: true });
    // On the calling thread the search holds the event loop from start to end.
    expect(here.turns).toBe(0);
    expect(away.turns).toBeGreaterThan(0);
    expect(away.value).toEqual(here.value);
  });

  it.each([[2], [3]])('spreads %i runs over as many worker threads: the same plan as one after the other on the calling thread', async (runs) => {
    const here = await solve({ runs, threads: 1 });
    const away = await solve({ runs, threads: runs, offMainThread: true });
    const mixed = await solve({ runs, threads: runs });
    expect(away.turns).toBeGreaterThan(0);
    expect(away.value).toEqual(here.value);
    expect(mixed.value).toEqual(here.value);
  });
});
