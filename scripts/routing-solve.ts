import { readFileSync } from 'node:fs';
import { EuclideanDistanceProvider, RoutingError, parseSolomon, solomonToProblem, solveRouting } from '#routing';
import { secondsSinceLaunch } from './launch-clock';

/**
 * npm run --silent routing:solve -- FILE [--seconds S] [--seed N] [--threads T]
 *
 * Solves a Solomon / Gehring–Homberger instance (Euclidean distances and travel times, speed 1, not
 * rounded; at most the file's number of vehicles) and prints one JSON object on stdout:
 *   {"instance":"C101","vehicles":10,"distance":828.94,"routes":[[customer ids in visiting order], ...]}
 * S is the wall-clock budget counted from the launch (npm's start under `npm run`, start-up included); by default 1.8 s up to 100 customers,
 * 9 s at 200, proportionally more beyond. Bad input: a message on stderr and exit code 1 (2 for usage).
 */
const USAGE = 'Usage: npm run --silent routing:solve -- FILE [--seconds S] [--seed N] [--threads T]';
/** Kept back from the budget for stopping the worker threads, printing the answer and exiting (npm included), on a loaded machine. */
const EXIT_MARGIN_SECONDS = 0.2;

function defaultSeconds(customers: number): number {
  if (customers <= 100) return 1.8;
  if (customers <= 200) return 1.8 + ((customers - 100) / 100) * 7.2;
  return (9 * customers) / 200;
}

function numberOption(args: string[], name: string): number | undefined {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  args.splice(index, 2);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} needs a positive number`);
  return value;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const seconds = numberOption(args, 'seconds');
  const seed = numberOption(args, 'seed');
  const threads = numberOption(args, 'threads');
  if (args.length !== 1 || args[0].startsWith('--')) throw new UsageError(USAGE);
  const instance = parseSolomon(readFileSync(args[0], 'utf8'));
  const problem = solomonToProblem(instance);
  const budget = seconds ?? defaultSeconds(problem.stops.length);
  const maxSeconds = Math.max(0.05, budget - secondsSinceLaunch() - EXIT_MARGIN_SECONDS);
  const plan = await solveRouting(problem, new EuclideanDistanceProvider(), {
    iterations: Number.POSITIVE_INFINITY,
    maxSeconds,
    ...(seed === undefined ? {} : { seed: Math.trunc(seed) }),
    ...(threads === undefined ? {} : { threads: Math.trunc(threads) }),
  });
  if (plan.unserved.length > 0) {
    const list = plan.unserved.map((stop) => `${stop.stopId} (${stop.reason})`).join(', ');
    process.stderr.write(`${instance.name}: no feasible plan serves every customer; unserved: ${list}\n`);
    return 1;
  }
  const answer = {
    instance: instance.name,
    vehicles: plan.vehicleCount,
    distance: Math.round(plan.distance * 100) / 100,
    routes: plan.routes.map((route) => route.visits.map((visit) => Number(visit.stopId))),
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof RoutingError) {
      process.stderr.write(`routing:solve: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`routing:solve: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
