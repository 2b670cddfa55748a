import type { UnservedReason } from '../routing-problem.type';
import type { CompiledInstance } from './compiled-instance';

/**
 * Why a stop cannot be served even alone (a route depot → stop → depot), or null when some vehicle
 * can. The search never tries the stops this rules out, and the plan names them with this reason.
 */
export function unservableReason(inst: CompiledInstance, node: number): UnservedReason | null {
  const size = inst.nodeCount;
  const out = inst.time[node];
  const back = inst.time[node * size];
  let fits = false;
  let carries = false;
  for (let v = 0; v < inst.vehicleCount; v += 1) {
    if (inst.capacity[v] < inst.demand[node]) continue;
    fits = true;
    const ride = inst.service[node] + back;
    if (inst.cold[node] === 0 || inst.refrigerated[v] === 1 || (inst.boxLimit[v] >= 0 && ride <= inst.boxLimit[v])) carries = true;
  }
  if (!fits) return 'DEMAND_EXCEEDS_CAPACITY';
  if (!carries) return 'COLD_CHAIN';
  const start = Math.max(inst.earliest[0] + out, inst.earliest[node]);
  if (start > inst.latest[node] || start + inst.service[node] + back > inst.latest[0]) return 'TIME_WINDOW_UNREACHABLE';
  // Leaving as late as the window allows, nobody waits: the shortest such route.
  if (out + inst.service[node] + back > inst.maxDuration) return 'ROUTE_DURATION_EXCEEDED';
  return null;
}
