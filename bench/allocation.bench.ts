/**
 * Allocation-quality benchmark (issue 4, Figures): our batch allocator and a naive nearest-first
 * greedy against the exact optimum computed by HiGHS, on seeded random instances of one région.
 *
 * Run (from the repository root):
 *   npx tsc -p tsconfig.build.json && node dist/bench/allocation.bench.js
 * While other libraries do not build, compile just this bench and libs/matching with a tsconfig
 * that extends ./tsconfig.json and includes libs/matching and bench/allocation*; the `#matching`
 * and `#domain` imports resolve to dist/libs/.../index.js through package.json "imports", so the
 * output must sit under dist/ of the repository (or a copy of package.json next to it).
 *
 * Options: --seeds=N (instances per size, default 3), --quick (the two smallest sizes only).
 * Exit code 1 when a goal fails.
 *
 * Goals: ours ≥ 0.99 × optimum on every instance; ours never below the greedy; ours in ≤ 1 % of
 * the solver's time. Times: ours is the whole `allocate(problem)` call (eligibility, distances and
 * the solve), median of repeated runs after a warm-up; the solver's is `model.run()` alone, once
 * HiGHS is warm, with the model already built from pairs we computed for it.
 */
import { performance } from 'node:perf_hooks';
import loadHighs from 'highs';
import { allocate, allocationViolations, naiveNearestFirstGreedy, type AllocationProblem, type AllocationResult } from '#matching';
import { generateInstance, type InstanceSize } from './allocation/allocation-instance.generator';
import { solveWithHighs } from './allocation/highs-reference.solver';

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

interface Timed {
  readonly result: AllocationResult;
  readonly medianMs: number;
}

function timeMedian(run: () => AllocationResult, minimumTotalMs = 200, maximumRuns = 200): Timed {
  let result = run(); // warm-up: compile the hot loops before measuring
  const samples: number[] = [];
  let total = 0;
  while (samples.length < 5 || (total < minimumTotalMs && samples.length < maximumRuns)) {
    const start = performance.now();
    result = run();
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    total += elapsed;
  }
  samples.sort((a, b) => a - b);
  return { result, medianMs: samples[Math.floor(samples.length / 2)] };
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

async function main(): Promise<void> {
  const seedsArgument = process.argv.find((argument) => argument.startsWith('--seeds='));
  const seeds = seedsArgument === undefined ? 3 : Number(seedsArgument.slice('--seeds='.length));
  const sizes = process.argv.includes('--quick') ? SIZES.slice(0, 2) : SIZES;
  const highs = await loadHighs();
  // Warm HiGHS too, so that neither side pays for first-time compilation in the figures.
  solveWithHighs(highs, generateInstance({ offers: 100, recipients: 40 }, 1));

  const header = ['instance', 'items', 'pairs', 'optimum', 'ours', 'greedy', 'ours/opt', 'greedy/opt', 'ours ms', 'greedy ms', 'highs ms', 'ours/highs'];
  const widths = [16, 6, 7, 11, 11, 11, 9, 10, 8, 9, 9, 10];
  console.log(header.map((title, k) => pad(title, widths[k])).join(' '));
  let qualityPass = true;
  let greedyPass = true;
  let timePass = true;
  let worstQuality = Infinity;
  let worstTimeRatio = 0;
  let greedyRatioSum = 0;
  let instances = 0;

  for (const size of sizes) {
    for (let seed = 1; seed <= seeds; seed += 1) {
      const problem: AllocationProblem = generateInstance(size, 1000 * size.offers + seed);
      const reference = solveWithHighs(highs, problem);
      const ours = timeMedian(() => allocate(problem));
      const greedy = timeMedian(() => naiveNearestFirstGreedy(problem));
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
      const timeRatio = ours.medianMs / reference.solveMs;
      qualityPass &&= quality >= QUALITY_GOAL;
      greedyPass &&= ours.result.objective >= greedy.result.objective * (1 - RELATIVE_TOLERANCE);
      timePass &&= timeRatio <= TIME_GOAL;
      worstQuality = Math.min(worstQuality, quality);
      worstTimeRatio = Math.max(worstTimeRatio, timeRatio);
      greedyRatioSum += greedyQuality;
      instances += 1;
      const row = [
        `${size.offers}x${size.recipients} #${seed}`,
        String(problem.items.length),
        String(reference.columns),
        fixed(optimum, 1),
        fixed(ours.result.objective, 1),
        fixed(greedy.result.objective, 1),
        fixed(quality, 6),
        fixed(greedyQuality, 4),
        fixed(ours.medianMs, 2),
        fixed(greedy.medianMs, 2),
        fixed(reference.solveMs, 1),
        `${fixed(100 * timeRatio, 2)} %`,
      ];
      console.log(row.map((cell, k) => pad(cell, widths[k])).join(' '));
    }
  }

  console.log('');
  console.log(`HiGHS ${highs.version.string} LP (no integrality: a transportation problem's LP optimum is exact), times of model.run() only.`);
  console.log(`${instances} instances; mean greedy/optimum ${fixed(greedyRatioSum / instances, 4)}.`);
  console.log(`${qualityPass ? 'PASS' : 'FAIL'} quality: ours/optimum ≥ ${QUALITY_GOAL} on every instance (worst ${fixed(worstQuality, 6)})`);
  console.log(`${greedyPass ? 'PASS' : 'FAIL'} baseline: ours ≥ nearest-first greedy on every instance`);
  console.log(
    `${timePass ? 'PASS' : 'FAIL'} speed: ours ≤ ${100 * TIME_GOAL} % of the solver's time on every instance (worst ${fixed(100 * worstTimeRatio, 2)} %)`,
  );
  if (!(qualityPass && greedyPass && timePass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
