import { TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import { buildEligiblePairs, temperatureIndexes, type EligiblePairs } from './allocation-pairs.builder';
import type { AllocationAssignment, AllocationProblem, AllocationResult } from './allocation-problem.type';
import { urgencyFactor } from './match-score.policy';
import { solveTransportation } from './network-simplex.solver';

const KG_EPSILON = 1e-9;
/** Read once (see allocation-pairs.builder.ts). */
const CLASSES: readonly TemperatureClass[] = TEMPERATURE_CLASSES;

/**
 * The value of saving one kg, from 1 (no hurry) to 3 (lost now): 1 + 2 × urgencyFactor(hoursLeft),
 * the same urgency curve as the ranking score. Saving any food is worth at least 1, so that the
 * allocator never drops non-urgent food; urgent food is worth up to three times more, so that when
 * storage is short it goes to what would be thrown away first.
 */
export function perishabilityWeight(hoursLeft: number): number {
  return 1 + 2 * urgencyFactor(hoursLeft);
}

/**
 * Proposes how to split many open items among many recipients (a food bank dispatching to its
 * partners):
 *
 *   maximise Σ kg(i,r) × (perishabilityWeight(i) − λ × distanceKm(i,r))
 *   subject to Σ_r kg(i,r) ≤ item kg,  Σ_i kg(i,r) ≤ free storage of r in i's temperature class,
 *              kg(i,r) = 0 unless the pair is eligible.
 *
 * The distance cost is proportional to kg (λ per kg·km), not a fixed cost per assignment: a fixed
 * charge would make it a mixed-integer problem, while per-kg cost keeps a transportation LP that we
 * solve exactly. It also reads naturally: a heavier load uses more of the van for longer.
 *
 * The temperature classes share nothing (an item uses only its class's storage), so each is its own
 * transportation problem, solved exactly by network simplex (network-simplex.solver.ts).
 */
export function allocate(problem: AllocationProblem): AllocationResult {
  const pairs = buildEligiblePairs(problem);
  const temperature = temperatureIndexes(problem);
  const classes = CLASSES.length;
  const kg = new Float64Array(pairs.count);

  // Worth-while pairs grouped by temperature class (a counting sort, keeping their order).
  const classStart = new Int32Array(classes + 1);
  for (let p = 0; p < pairs.count; p += 1) if (pairs.valuePerKg[p] > 0) classStart[temperature[pairs.item[p]] + 1] += 1;
  for (let t = 0; t < classes; t += 1) classStart[t + 1] += classStart[t];
  const byClass = new Int32Array(classStart[classes]);
  const fill = classStart.slice(0, classes);
  for (let p = 0; p < pairs.count; p += 1) if (pairs.valuePerKg[p] > 0) byClass[fill[temperature[pairs.item[p]]]++] = p;

  const itemLocal = new Int32Array(problem.items.length).fill(-1);
  const recipientLocal = new Int32Array(problem.recipients.length).fill(-1);
  const supply = new Float64Array(problem.items.length);
  const capacity = new Float64Array(problem.recipients.length);
  let pivots = 0;
  for (let t = 0; t < classes; t += 1) {
    const from = classStart[t];
    const arcs = classStart[t + 1] - from;
    if (arcs === 0) continue;
    const temperatureClass = CLASSES[t];
    const arcFrom = new Int32Array(arcs);
    const arcTo = new Int32Array(arcs);
    const arcProfit = new Float64Array(arcs);
    let items = 0;
    let recipients = 0;
    for (let a = 0; a < arcs; a += 1) {
      const p = byClass[from + a];
      const i = pairs.item[p];
      const r = pairs.recipient[p];
      // An item is in one class only. A recipient gets a fresh number in each class, stored as
      // from + number, so that numbers from earlier classes (all below `from`) read as unset.
      if (itemLocal[i] === -1) {
        itemLocal[i] = items;
        supply[items++] = problem.items[i].kg;
      }
      if (recipientLocal[r] < from) {
        recipientLocal[r] = from + recipients;
        capacity[recipients++] = problem.recipients[r].capacityKg[temperatureClass] ?? 0;
      }
      arcFrom[a] = itemLocal[i];
      arcTo[a] = recipientLocal[r] - from;
      arcProfit[a] = pairs.valuePerKg[p];
    }
    const solution = solveTransportation({ supply: supply.slice(0, items), capacity: capacity.slice(0, recipients), arcFrom, arcTo, arcProfit });
    pivots += solution.pivots;
    for (let a = 0; a < arcs; a += 1) kg[byClass[from + a]] = solution.flow[a];
  }
  return summarise(problem, pairs, kg, pivots);
}

/**
 * The baseline a dispatcher without an optimiser would follow: items in the order given (the order
 * they were posted), each sent to its nearest eligible recipient with room, then the next nearest,
 * until the item is gone. Pairs that would lose value (λ × distance above the item's weight) are
 * skipped, as by `allocate`, so the comparison is about the choices, not about that rule.
 */
export function naiveNearestFirstGreedy(problem: AllocationProblem): AllocationResult {
  const pairs = buildEligiblePairs(problem);
  const temperature = temperatureIndexes(problem);
  const classes = TEMPERATURE_CLASSES.length;
  const room = new Float64Array(problem.recipients.length * classes);
  problem.recipients.forEach((recipient, r) => {
    TEMPERATURE_CLASSES.forEach((temperatureClass, t) => {
      room[r * classes + t] = recipient.capacityKg[temperatureClass] ?? 0;
    });
  });
  const kg = new Float64Array(pairs.count);
  let p = 0;
  while (p < pairs.count) {
    const i = pairs.item[p];
    let end = p;
    while (end < pairs.count && pairs.item[end] === i) end += 1;
    const nearestFirst: number[] = [];
    for (let q = p; q < end; q += 1) if (pairs.valuePerKg[q] > 0) nearestFirst.push(q);
    nearestFirst.sort((a, b) => pairs.distanceKm[a] - pairs.distanceKm[b] || pairs.recipient[a] - pairs.recipient[b]);
    let left = problem.items[i].kg;
    for (const q of nearestFirst) {
      if (left <= KG_EPSILON) break;
      const slot = pairs.recipient[q] * classes + temperature[i];
      const take = Math.min(left, room[slot]);
      if (take <= KG_EPSILON) continue;
      kg[q] = take;
      room[slot] -= take;
      left -= take;
    }
    p = end;
  }
  return summarise(problem, pairs, kg, 0);
}

function summarise(problem: AllocationProblem, pairs: EligiblePairs, kg: Float64Array, pivots: number): AllocationResult {
  const assignments: AllocationAssignment[] = [];
  const allocatedPerItem = new Float64Array(problem.items.length);
  let objective = 0;
  let allocatedKg = 0;
  let weightedKg = 0;
  for (let p = 0; p < pairs.count; p += 1) {
    const amount = kg[p];
    if (amount <= KG_EPSILON) continue;
    const i = pairs.item[p];
    const item = problem.items[i];
    const valuePerKg = pairs.valuePerKg[p];
    assignments.push({
      offerItemId: item.offerItemId,
      recipientId: problem.recipients[pairs.recipient[p]].recipientId,
      kg: amount,
      distanceKm: pairs.distanceKm[p],
      valuePerKg,
    });
    allocatedPerItem[i] += amount;
    objective += amount * valuePerKg;
    allocatedKg += amount;
    weightedKg += amount * item.perishabilityWeight;
  }
  const unallocated = problem.items
    .map((item, i) => ({ offerItemId: item.offerItemId, kg: Math.max(0, item.kg - allocatedPerItem[i]) }))
    .filter((left) => left.kg > KG_EPSILON);
  return {
    assignments,
    objective,
    allocatedKg,
    weightedKg,
    distanceCost: weightedKg - objective,
    unallocated,
    stats: { eligiblePairs: pairs.count, pivots },
  };
}

/**
 * Every way an allocation breaks the problem's rules, in words (empty when it is valid). Used by
 * the specs and the benchmark; cheap enough to run on a coordinator's proposal before showing it.
 */
export function allocationViolations(
  problem: AllocationProblem,
  assignments: readonly Pick<AllocationAssignment, 'offerItemId' | 'recipientId' | 'kg'>[],
  toleranceKg = 1e-6,
): string[] {
  const pairs = buildEligiblePairs(problem);
  const itemIndex = new Map(problem.items.map((item, i) => [item.offerItemId, i]));
  const recipientIndex = new Map(problem.recipients.map((recipient, r) => [recipient.recipientId, r]));
  const eligible = new Set<string>();
  for (let p = 0; p < pairs.count; p += 1) eligible.add(`${pairs.item[p]}:${pairs.recipient[p]}`);
  const perItem = new Map<number, number>();
  const perSlot = new Map<string, number>();
  const violations: string[] = [];
  for (const assignment of assignments) {
    const i = itemIndex.get(assignment.offerItemId);
    const r = recipientIndex.get(assignment.recipientId);
    if (i === undefined || r === undefined) {
      violations.push(`unknown item or recipient: ${assignment.offerItemId} → ${assignment.recipientId}`);
      continue;
    }
    if (!(assignment.kg >= 0)) violations.push(`negative kg: ${assignment.offerItemId} → ${assignment.recipientId}`);
    if (!eligible.has(`${i}:${r}`)) violations.push(`ineligible pair: ${assignment.offerItemId} → ${assignment.recipientId}`);
    perItem.set(i, (perItem.get(i) ?? 0) + assignment.kg);
    const slot = `${r}:${problem.items[i].temperature}`;
    perSlot.set(slot, (perSlot.get(slot) ?? 0) + assignment.kg);
  }
  for (const [i, total] of perItem) {
    if (total > problem.items[i].kg + toleranceKg) {
      violations.push(`item ${problem.items[i].offerItemId} over-allocated: ${total} kg of ${problem.items[i].kg}`);
    }
  }
  for (const [slot, total] of perSlot) {
    const [r, temperatureClass] = slot.split(':') as [string, (typeof TEMPERATURE_CLASSES)[number]];
    const recipient = problem.recipients[Number(r)];
    const capacity = recipient.capacityKg[temperatureClass] ?? 0;
    if (total > capacity + toleranceKg) {
      violations.push(`recipient ${recipient.recipientId} over capacity in ${temperatureClass}: ${total} kg of ${capacity}`);
    }
  }
  return violations;
}
