import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { solveTransportation, type TransportationInput } from './network-simplex.solver';

interface Arc {
  readonly from: number;
  readonly to: number;
  readonly profit: number;
}

function transportation(supply: readonly number[], capacity: readonly number[], arcs: readonly Arc[]): TransportationInput {
  return {
    supply: Float64Array.from(supply),
    capacity: Float64Array.from(capacity),
    arcFrom: Int32Array.from(arcs.map((arc) => arc.from)),
    arcTo: Int32Array.from(arcs.map((arc) => arc.to)),
    arcProfit: Float64Array.from(arcs.map((arc) => arc.profit)),
  };
}

function objective(input: TransportationInput, flow: Float64Array): number {
  let total = 0;
  flow.forEach((amount, a) => {
    total += amount * input.arcProfit[a];
  });
  return total;
}

/** Shipped per supply node and received per demand node. */
function totals(input: TransportationInput, flow: Float64Array): { shipped: number[]; received: number[] } {
  const shipped = Array.from(input.supply, () => 0);
  const received = Array.from(input.capacity, () => 0);
  flow.forEach((amount, a) => {
    shipped[input.arcFrom[a]] += amount;
    received[input.arcTo[a]] += amount;
  });
  return { shipped, received };
}

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** The same problem as an LP for HiGHS: the reference optimum. */
function lpOptimum(input: TransportationInput): number {
  const columns = input.arcFrom.length;
  if (columns === 0) return 0;
  const n = input.supply.length;
  const rows = n + input.capacity.length;
  const starts = Int32Array.from({ length: columns + 1 }, (_, a) => 2 * a);
  const indices = new Int32Array(2 * columns);
  for (let a = 0; a < columns; a += 1) {
    indices[2 * a] = input.arcFrom[a];
    indices[2 * a + 1] = n + input.arcTo[a];
  }
  const model = highs.createModel({
    numCols: columns,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: input.arcProfit,
    colLower: new Float64Array(columns),
    colUpper: new Float64Array(columns).fill(highs.infinity),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: Float64Array.from([...input.supply, ...input.capacity]),
    matrix: { format: 'csc', numRows: rows, numCols: columns, starts, indices, values: new Float64Array(2 * columns).fill(1) },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

describe('solveTransportation', () => {
  it('sends an item to the more profitable of two recipients with room', () => {
    const input = transportation(
      [10],
      [10, 10],
      [
        { from: 0, to: 0, profit: 1 },
        { from: 0, to: 1, profit: 2 },
      ],
    );

    expect(Array.from(solveTransportation(input).flow)).toEqual([0, 10]);
  });

  it('gives scarce room to the item that values it most', () => {
    const input = transportation(
      [10, 10],
      [10],
      [
        { from: 0, to: 0, profit: 1 },
        { from: 1, to: 0, profit: 3 },
      ],
    );

    expect(Array.from(solveTransportation(input).flow)).toEqual([0, 10]);
  });

  it('moves an item to its second choice when that frees the only room another item can use', () => {
    // Item 0 prefers recipient 0 (3 > 2.5) but can also go to recipient 1; item 1 can only go to
    // recipient 0. Greedy would lose item 1; the optimum sends item 0 to recipient 1.
    const input = transportation(
      [10, 10],
      [10, 10],
      [
        { from: 0, to: 0, profit: 3 },
        { from: 0, to: 1, profit: 2.5 },
        { from: 1, to: 0, profit: 2 },
      ],
    );
    const { flow } = solveTransportation(input);

    expect(Array.from(flow)).toEqual([0, 10, 10]);
    expect(objective(input, flow)).toBe(45);
  });

  it('splits an item that no single recipient can take in full', () => {
    const input = transportation(
      [25],
      [10, 10, 10],
      [
        { from: 0, to: 0, profit: 3 },
        { from: 0, to: 1, profit: 2 },
        { from: 0, to: 2, profit: 1 },
      ],
    );

    expect(Array.from(solveTransportation(input).flow)).toEqual([10, 10, 5]);
  });

  it('never uses an arc that gains nothing', () => {
    const input = transportation(
      [10],
      [10, 10],
      [
        { from: 0, to: 0, profit: 0 },
        { from: 0, to: 1, profit: -1 },
      ],
    );

    expect(Array.from(solveTransportation(input).flow)).toEqual([0, 0]);
  });

  it('copes with nothing to move, no room, and no arcs', () => {
    expect(solveTransportation(transportation([], [], [])).flow).toHaveLength(0);
    expect(Array.from(solveTransportation(transportation([0], [10], [{ from: 0, to: 0, profit: 1 }])).flow)).toEqual([0]);
    expect(Array.from(solveTransportation(transportation([10], [0], [{ from: 0, to: 0, profit: 1 }])).flow)).toEqual([0]);
    expect(solveTransportation(transportation([10, 5], [7], [])).flow).toHaveLength(0);
  });

  const instance = fc
    .record({
      supply: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
      capacity: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 7 }),
    })
    .chain(({ supply, capacity }) =>
      fc.record({
        supply: fc.constant(supply),
        capacity: fc.constant(capacity),
        // Few distinct profits on purpose: ties make degenerate pivots, where a simplex can cycle.
        arcs: fc.uniqueArray(
          fc.record({
            from: fc.integer({ min: 0, max: supply.length - 1 }),
            to: fc.integer({ min: 0, max: capacity.length - 1 }),
            profit: fc.oneof(fc.constantFrom(-1, 0, 1, 2, 3), fc.double({ min: -0.5, max: 3, noNaN: true })),
          }),
          { selector: (arc) => `${arc.from}:${arc.to}`, maxLength: supply.length * capacity.length },
        ),
      }),
    );

  it('finds the LP optimum (HiGHS) and never ships more than an item has or a recipient can take', () => {
    fc.assert(
      fc.property(instance, ({ supply, capacity, arcs }) => {
        const input = transportation(supply, capacity, arcs);
        const { flow } = solveTransportation(input);
        const { shipped, received } = totals(input, flow);

        flow.forEach((amount) => expect(amount).toBeGreaterThanOrEqual(0));
        shipped.forEach((kg, i) => expect(kg).toBeLessThanOrEqual(supply[i] + 1e-9));
        received.forEach((kg, j) => expect(kg).toBeLessThanOrEqual(capacity[j] + 1e-9));
        // HiGHS rounds costs below its tolerances (1e-7) to nothing, so compare to 1e-6 per unit shipped.
        const tolerance =
          1e-6 *
          Math.max(
            1,
            supply.reduce((sum, kg) => sum + kg, 0),
          );
        expect(Math.abs(objective(input, flow) - lpOptimum(input))).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 300 },
    );
  });
});
