import { TEMPERATURE_CLASSES } from '#domain';
import { buildEligiblePairs, temperatureIndexes, type AllocationProblem } from '#matching';
import type { Highs } from 'highs';

export interface ReferenceSolution {
  readonly objective: number;
  readonly status: string;
  /** CPU time of the solve alone (model.run), median of the runs. */
  readonly solveMs: number;
  /** CPU time to hand the model to HiGHS (createModel). */
  readonly buildMs: number;
  readonly columns: number;
  readonly rows: number;
}

/**
 * The allocation written as the LP it is, for HiGHS: one column per eligible pair (kg sent), one row
 * per item (Σ ≤ kg) and one per recipient and temperature class (Σ ≤ free storage). No integrality:
 * this is a transportation problem, whose constraint matrix is totally unimodular, so the LP optimum
 * is the true optimum (and is integral whenever the kg and capacities are).
 */
/** CPU milliseconds (user + system) spent by this process since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * @param runs solves of the same model, for a median time; HiGHS starts each run from scratch
 *   (clearSolver), so every run does the whole work.
 */
export function solveWithHighs(highs: Highs, problem: AllocationProblem, runs = 1): ReferenceSolution {
  const pairs = buildEligiblePairs(problem);
  const temperature = temperatureIndexes(problem);
  const classes = TEMPERATURE_CLASSES.length;
  const n = problem.items.length;
  const m = problem.recipients.length;
  const numRows = n + m * classes;
  const starts = new Int32Array(pairs.count + 1);
  const indices = new Int32Array(2 * pairs.count);
  const values = new Float64Array(2 * pairs.count).fill(1);
  for (let p = 0; p < pairs.count; p += 1) {
    const i = pairs.item[p];
    starts[p + 1] = 2 * (p + 1);
    indices[2 * p] = i;
    indices[2 * p + 1] = n + pairs.recipient[p] * classes + temperature[i];
  }
  const rowUpper = new Float64Array(numRows);
  problem.items.forEach((item, i) => {
    rowUpper[i] = item.kg;
  });
  problem.recipients.forEach((recipient, r) => {
    TEMPERATURE_CLASSES.forEach((temperatureClass, t) => {
      rowUpper[n + r * classes + t] = recipient.capacityKg[temperatureClass] ?? 0;
    });
  });

  const buildStart = process.cpuUsage();
  const model = highs.createModel({
    numCols: pairs.count,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: pairs.valuePerKg,
    colLower: new Float64Array(pairs.count),
    colUpper: new Float64Array(pairs.count).fill(highs.infinity),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper,
    matrix: { format: 'csc', numRows, numCols: pairs.count, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    const buildMs = cpuMsSince(buildStart);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      model.clearSolver();
      const solveStart = process.cpuUsage();
      model.run();
      times.push(cpuMsSince(solveStart));
    }
    times.sort((a, b) => a - b);
    const solveMs = times[times.length >> 1];
    const status = model.getModelStatus() === highs.constants.modelStatus.optimal ? 'Optimal' : `status ${model.getModelStatus()}`;
    return { objective: model.getObjectiveValue(), status, solveMs, buildMs, columns: pairs.count, rows: numRows };
  } finally {
    model.dispose();
  }
}
