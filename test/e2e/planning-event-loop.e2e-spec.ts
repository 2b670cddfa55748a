import type * as Routing from '#routing';
import { eventLoopTurnsDuring } from '../../libs/routing/src/testing/event-loop-turns.fixture';
import { gqlOk } from '../support/graphql-http';
import { claimedDay, RUN_FIELDS, type RunScenario, type RunViewOverApi } from '../support/run-scenario';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

/** Each search planning asked of the solver, and how many times the API's event loop turned meanwhile. */
interface ObservedSearch {
  readonly problem: Parameters<typeof Routing.solveRouting>[0];
  readonly options: Routing.SolveOptions;
  readonly plan: Routing.RoutingPlan;
  readonly turns: number;
}
const mockObservedSearches: ObservedSearch[] = [];

/*
 * A search leaves the calling thread only where its worker file exists: in the built JavaScript, which
 * the API runs in production. So this suite gives the API the built routing library (everything else
 * runs from the sources, as in every suite), and watches each call of the solver: what it was asked,
 * what it answered, and how often the event loop of this process (the API's) turned while it searched.
 */
jest.mock('#routing', () => {
  const built = jest.requireActual<typeof Routing>(`${__dirname}/../../dist/libs/routing/src/index.js`);
  return {
    ...built,
    solveRouting: async (...[problem, provider, options = {}]: Parameters<typeof Routing.solveRouting>): Promise<Routing.RoutingPlan> => {
      const { value, turns } = await eventLoopTurnsDuring(() => built.solveRouting(problem, provider, options));
      mockObservedSearches.push({ problem, options, plan: value, turns });
      return value;
    },
  };
});

const PLAN = `mutation ($input: PlanRunsInput!) { planRuns(input: $input) { ${RUN_FIELDS} } }`;

/** Planning a day searches in a worker thread: the API's event loop keeps turning (other requests are served) meanwhile. */
describe('planning does not hold the API’s event loop', () => {
  let services: TestServices;
  let api: RunningApi;
  let scenario: RunScenario;

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    scenario = await claimedDay(api, services.dataSource, [
      { name: 'Carrefour Mérignac', latitude: 44.8386, longitude: -0.6811, kg: 120 },
      { name: 'Boulangerie de Bègles', latitude: 44.8086, longitude: -0.5478, kg: 35, temperature: 'CHILLED' },
      { name: 'Primeur de Lormont', latitude: 44.8792, longitude: -0.5217, kg: 60 },
      { name: 'Biocoop Talence', latitude: 44.8027, longitude: -0.5883, kg: 40 },
    ]);
  }, 120_000);

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  it('the event loop turns while each group of pickups is searched, and the plan is the one the calling thread would find', async () => {
    const routing = jest.requireActual<typeof Routing>(`${__dirname}/../../dist/libs/routing/src/index.js`);
    const { planRuns } = await gqlOk<{ planRuns: RunViewOverApi[] }>(
      api,
      PLAN,
      {
        input: {
          organizationId: scenario.recipient.organizationId,
          day: scenario.day,
          vehicles: [
            { capacityKg: 150, refrigerated: true },
            { capacityKg: 150, refrigerated: false },
          ],
        },
      },
      scenario.recipient.admin.accessToken,
    );
    const collected = planRuns.flatMap((run) => run.stops.filter((stop) => stop.kind === 'COLLECT').map((stop) => stop.claim.id));
    expect(collected.sort()).toEqual(scenario.claims.map((claim) => claim.id).sort());

    expect(mockObservedSearches.length).toBeGreaterThan(0);
    for (const search of mockObservedSearches) {
      expect(search.options.offMainThread).toBe(true);
      expect(search.turns).toBeGreaterThan(0);
      // The same problem searched on the calling thread, as planning did before: the same plan.
      const here = await eventLoopTurnsDuring(() =>
        routing.solveRouting(search.problem, new routing.GreatCircleDistanceProvider(), { ...search.options, offMainThread: false }),
      );
      expect(here.turns).toBe(0);
      expect(here.value).toEqual(search.plan);
    }
  });
});
