/**
 * Vehicle-routing benchmark: the `routing:solve` command on Solomon instances, against the best
 * known distance-only solutions of the literature (bks.csv, column bks_dist_distance).
 *
 * Run (from the repository root): npm run bench:routing [-- DIR] [-- --seconds=S] [-- --seed=N]
 * DIR holds the instance files and bks.csv (default bench/routing/solomon); any Solomon or
 * Gehring–Homberger file listed in its bks.csv is run. Each instance is solved by spawning the built
 * command, as a user would (`node dist/scripts/routing-solve.js FILE`), so the time includes the
 * process start-up. Every answer is checked by the independent Solomon verifier (it shares no code
 * with the solver). Exit code 1 when a goal fails.
 *
 * Goals: every answer feasible; mean distance ≤ 1.02 × best known (the best open-source C++ solver
 * publishes 1.0163 ×); no instance above 1.05 ×; ≤ 2 s per 100-customer instance (≤ 10 s at 200),
 * start-up included. Times are wall-clock on a machine that may be shared: the load average is
 * printed with them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifySolomonAnswer, type SolomonAnswer } from '#routing';
import { optionValue, print, printError } from './support/cli';

const MEAN_GOAL = 1.02;
const WORST_GOAL = 1.05;
/** The best open-source C++ solver's published mean ratio on Solomon, for comparison. */
const REFERENCE_MEAN = 1.0163;

interface Known {
  readonly instance: string;
  readonly customers: number;
  readonly bestDistance: number;
  readonly bestVehicles: number;
}

function readKnown(dir: string): Known[] {
  const [header, ...rows] = readFileSync(join(dir, 'bks.csv'), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  const column = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`bks.csv has no ${name} column`);
    return index;
  };
  const [instance, customers, distance, vehicles] = ['instance', 'customers', 'bks_dist_distance', 'bks_dist_vehicles'].map(column);
  return rows.map((row) => {
    const cells = row.split(',');
    return { instance: cells[instance], customers: Number(cells[customers]), bestDistance: Number(cells[distance]), bestVehicles: Number(cells[vehicles]) };
  });
}

/** The time goal: 2 s per 100 customers, 10 s at 200 (interpolated, and proportional beyond). */
function timeGoalSeconds(customers: number): number {
  if (customers <= 100) return 2;
  if (customers <= 200) return 2 + ((customers - 100) / 100) * 8;
  return (10 * customers) / 200;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function main(): void {
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(__dirname, '../../bench/routing/solomon');
  const seconds = optionValue('seconds');
  const seed = optionValue('seed');
  const command = join(__dirname, '../scripts/routing-solve.js');
  if (!existsSync(command)) throw new Error(`${command} is missing: run npm run build`);
  const known = readKnown(dir).filter((entry) => existsSync(join(dir, `${entry.instance}.txt`)));
  if (known.length === 0) throw new Error(`no instance of ${join(dir, 'bks.csv')} found in ${dir}`);

  print(`routing:solve on ${known.length} instances of ${dir}, against the best known distance-only solutions (bks_dist_distance)`);
  print(
    `budget: ${seconds === undefined ? 'the command default (1.8 s at 100 customers, start-up included)' : `--seconds ${seconds}`}; load average before: ${loadavg()[0].toFixed(2)}`,
  );
  const header = ['instance', 'distance', 'best known', 'ratio', 'vehicles', 'best veh.', 'time s', 'goal s', 'feasible'];
  const widths = [10, 10, 11, 7, 9, 10, 7, 7, 9];
  print(header.map((title, k) => pad(title, widths[k])).join(' '));

  const ratios: number[] = [];
  let feasibleAll = true;
  let timeAll = true;
  for (const entry of known) {
    const file = join(dir, `${entry.instance}.txt`);
    const args = [command, file, ...(seconds === undefined ? [] : ['--seconds', seconds]), ...(seed === undefined ? [] : ['--seed', seed])];
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120000 });
    const elapsed = (performance.now() - started) / 1000;
    let answer: SolomonAnswer | undefined;
    let problems: string[];
    let distance = Number.NaN;
    try {
      answer = JSON.parse(result.stdout) as SolomonAnswer;
      const check = verifySolomonAnswer(readFileSync(file, 'utf8'), answer);
      problems = check.violations;
      distance = check.distance;
    } catch {
      problems = [`exit ${result.status}: ${result.stderr.trim() || 'no JSON on stdout'}`];
    }
    const feasible = problems.length === 0 && result.status === 0;
    feasibleAll &&= feasible;
    const ratio = distance / entry.bestDistance;
    if (feasible) ratios.push(ratio);
    const goal = timeGoalSeconds(entry.customers);
    timeAll &&= elapsed <= goal;
    print(
      [
        entry.instance,
        distance.toFixed(2),
        entry.bestDistance.toFixed(2),
        ratio.toFixed(4),
        String(answer?.vehicles ?? '-'),
        String(entry.bestVehicles),
        elapsed.toFixed(2),
        goal.toFixed(1),
        feasible ? 'yes' : 'NO',
      ]
        .map((cell, k) => pad(cell, widths[k]))
        .join(' '),
    );
    for (const problem of problems.slice(0, 5)) printError(`  ${entry.instance}: ${problem}`);
  }

  const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / Math.max(1, ratios.length);
  const worst = Math.max(...ratios);
  print('');
  print(`mean ratio to bks_dist_distance: ${mean.toFixed(4)} (reference: the best open-source C++ solver publishes ${REFERENCE_MEAN})`);
  print(`load average after: ${loadavg()[0].toFixed(2)} (times are wall-clock, start-up included; a busy machine inflates them)`);
  print(`${feasibleAll ? 'PASS' : 'FAIL'} feasibility: every answer accepted by the independent verifier`);
  print(`${mean <= MEAN_GOAL ? 'PASS' : 'FAIL'} quality: mean ratio ≤ ${MEAN_GOAL} (${mean.toFixed(4)})`);
  print(`${worst <= WORST_GOAL ? 'PASS' : 'FAIL'} quality: no instance above ${WORST_GOAL} (worst ${worst.toFixed(4)})`);
  print(`${timeAll ? 'PASS' : 'FAIL'} time: within the goal on every instance`);
  if (!(feasibleAll && mean <= MEAN_GOAL && worst <= WORST_GOAL && timeAll)) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  printError(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
