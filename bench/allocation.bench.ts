/**
 * Allocation-quality benchmark: our batch allocator and a naive nearest-first
 * greedy against the exact optimum computed by HiGHS, on seeded random instances of one région.
 *
 * Run (from the repository root):
 *   npx tsc -p tsconfig.build.json && node dist/bench/allocation.bench.js
 * The `#matching` and `#domain` imports resolve to dist/libs/.../index.js through package.json
 * "imports". Options: --seeds=N (instances per size, default 3), --quick (the two smallest sizes).
 * Exit code 1 when a goal fails.
 *
 * Goals: ours ≥ 0.99 × optimum on every instance; ours never below the greedy; ours in
 * ≤ 1 % of the solver's time.
 *
 * How it is measured, so that the comparison is fair and repeatable:
 * - The optimum is HiGHS's LP optimum on the same eligible pairs. No integrality: the constraint
 *   matrix of a transportation problem is totally unimodular, so the LP optimum is the exact one
 *   (and integral when kg and capacities are); no MIP and no bound is needed.
 * - Times are CPU time (process.cpuUsage), which a busy shared machine disturbs far less than
 *   wall time. Ours is the whole `allocate(problem)` call (eligibility, distances, the solve and
 *   the result), the median of batches of repeated calls; the solver's is `model.run()` alone on
 *   a model already built from pairs we computed for it (median of up to 5 runs from scratch),
 *   which is the solver's most favourable reading. Both are warmed up first.
 */
import loadHighs from 'highs';
import { hasFlag, positiveOption, print, printError } from './support/cli';
import { allocate, allocationViolations, naiveNearestFirstGreedy, type AllocationProblem, type AllocationResult } from '#matching';
import { generateInstance, type InstanceSize } from './allocation/allocation-instance.generator';
import { cpuMsSince, solveWithHighs } from './allocation/highs-reference.solver';

const SIZES: readonly InstanceSize[] = [
  { offers: 50, recipients: 20 },
  { offers: 100, recipients: 40 },
  { offers: 200, recipients: 60 },
  { offers: 500, recipients: 150 },
  { offers: 750, recipients: 200 },
  { offers: 1000, recipients: 300 },
];
const QUALITY_GOAL = 0.99;
const TIME_GOAL = 0.01;
/** Objectives equal to this relative precision count as equal (floating-point sums in another order). */
const RELATIVE_TOLERANCE = 1e-9;
/** A batch of calls must last this long for the CPU clock (microsecond ticks) to time it well. */
const BATCH_CPU_MS = 25;
const BATCHES = 7;

interface Timed {
  readonly result: AllocationResult;
  /** CPU ms per call, median over the batches. */
  readonly cpuMs: number;
}

function timeCalls(run: () => AllocationResult): Timed {
  let result = run();
  // Calibrate the batch size on a few calls, which also finish warming the code up.
  const probeStart = process.cpuUsage();
  for (let k = 0; k < 3; k += 1) result = run();
  const perCall = Math.max(0.001, cpuMsSince(probeStart) / 3);
  const batch = Math.max(1, Math.ceil(BATCH_CPU_MS / perCall));
  const samples: number[] = [];
  for (let b = 0; b < BATCHES; b += 1) {
    const start = process.cpuUsage();
    for (let k = 0; k < batch; k += 1) result = run();
    samples.push(cpuMsSince(start) / batch);
  }
  samples.sort((x, y) => x - y);
  return { result, cpuMs: samples[samples.length >> 1] };
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

async function main(): Promise<void> {
  const seeds = positiveOption('seeds', 3);
  const sizes = hasFlag('quick') ? SIZES.slice(0, 2) : SIZES;
  const highs = await loadHighs();
  // Warm both sides up, so that neither pays for first-time compilation in the figures.
  const warmUp = generateInstance({ offers: 300, recipients: 100 }, 1);
  solveWithHighs(highs, warmUp, 3);
  for (let k = 0; k < 20; k += 1) {
    allocate(warmUp);
    naiveNearestFirstGreedy(warmUp);
  }

  const header = ['instance', 'items', 'pairs', 'optimum', 'ours', 'greedy', 'ours/opt', 'greedy/opt', 'ours ms', 'greedy ms', 'highs ms', 'ours/highs'];
  const widths = [16, 6, 7, 11, 11, 11, 9, 10, 8, 9, 9, 10];
  print(header.map((title, k) => pad(title, widths[k])).join(' '));
  let qualityPass = true;
  let greedyPass = true;
  let timePass = true;
  let worstQuality = Infinity;
  let worstTimeRatio = 0;
  let greedyRatioSum = 0;
  let instances = 0;
  let oursTotalMs = 0;
  let highsTotalMs = 0;

  for (const size of sizes) {
    for (let seed = 1; seed <= seeds; seed += 1) {
      const problem: AllocationProblem = generateInstance(size, 1000 * size.offers + seed);
      const reference = solveWithHighs(highs, problem, size.offers <= 200 ? 5 : 1);
      const ours = timeCalls(() => allocate(problem));
      const greedy = timeCalls(() => naiveNearestFirstGreedy(problem));
      for (const [name, result] of [
        ['ours', ours.result],
        ['greedy', greedy.result],
      ] as const) {
        const violations = allocationViolations(problem, result.assignments);
        if (violations.length > 0) throw new Error(`${name} broke the rules: ${violations.slice(0, 3).join('; ')}`);
      }
      if (reference.status !== 'Optimal') throw new Error(`HiGHS did not prove optimality: ${reference.status}`);
      const optimum = reference.objective;
      const quality = ours.result.objective / optimum;
      const greedyQuality = greedy.result.objective / optimum;
      const timeRatio = ours.cpuMs / reference.solveMs;
      qualityPass &&= quality >= QUALITY_GOAL;
      greedyPass &&= ours.result.objective >= greedy.result.objective * (1 - RELATIVE_TOLERANCE);
      timePass &&= timeRatio <= TIME_GOAL;
      worstQuality = Math.min(worstQuality, quality);
      worstTimeRatio = Math.max(worstTimeRatio, timeRatio);
      greedyRatioSum += greedyQuality;
      instances += 1;
      oursTotalMs += ours.cpuMs;
      highsTotalMs += reference.solveMs;
      const row = [
        `${size.offers}x${size.recipients} #${seed}`,
        String(problem.items.length),
        String(reference.columns),
        fixed(optimum, 1),
        fixed(ours.result.objective, 1),
        fixed(greedy.result.objective, 1),
        fixed(quality, 6),
        fixed(greedyQuality, 4),
        fixed(ours.cpuMs, 3),
        fixed(greedy.cpuMs, 3),
        fixed(reference.solveMs, 1),
        `${fixed(100 * timeRatio, 2)} %`,
      ];
      print(row.map((cell, k) => pad(cell, widths[k])).join(' '));
    }
  }

  print('');
  print(`HiGHS ${highs.version.string}, LP (exact for a transportation problem); CPU times; the solver's is model.run() alone.`);
  print(
    `${instances} instances; mean greedy/optimum ${fixed(greedyRatioSum / instances, 4)}; all instances together, ours took ${fixed((100 * oursTotalMs) / highsTotalMs, 2)} % of the solver's time.`,
  );
  print(`${qualityPass ? 'PASS' : 'FAIL'} quality: ours/optimum ≥ ${QUALITY_GOAL} on every instance (worst ${fixed(worstQuality, 6)})`);
  print(`${greedyPass ? 'PASS' : 'FAIL'} baseline: ours ≥ nearest-first greedy on every instance`);
  print(`${timePass ? 'PASS' : 'FAIL'} speed: ours ≤ ${100 * TIME_GOAL} % of the solver's time on every instance (worst ${fixed(100 * worstTimeRatio, 2)} %)`);
  if (!(qualityPass && greedyPass && timePass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  printError(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
