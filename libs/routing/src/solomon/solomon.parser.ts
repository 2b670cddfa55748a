import { TemperatureClass } from '#domain';
import type { PlanePoint } from '../distance/euclidean.distance-provider';
import { RoutingError } from '../routing-error';
import type { RoutingProblem } from '../routing-problem.type';

/** A Solomon / Gehring–Homberger instance as written in its file. */
export interface SolomonInstance {
  readonly name: string;
  readonly vehicleCount: number;
  readonly capacity: number;
  /** Node 0 is the depot; its due date is the latest return. */
  readonly nodes: readonly SolomonNode[];
}

export interface SolomonNode {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  readonly ready: number;
  readonly due: number;
  readonly service: number;
}

function fail(line: number, detail: string): never {
  throw new RoutingError('INVALID_INSTANCE_FILE', `line ${line}`, detail);
}

/**
 * Reads the Solomon text format: a name line, a VEHICLE section (NUMBER CAPACITY, then two
 * numbers), a CUSTOMER section (a header line, then one row of seven numbers per node, the depot
 * first).
 */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/);
  let name = '';
  let vehicleCount = Number.NaN;
  let capacity = Number.NaN;
  const nodes: SolomonNode[] = [];
  let section: 'head' | 'vehicle' | 'customer' = 'head';
  // Each section may start with one line of column names.
  let sectionRows = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line.length === 0) return;
    if (/^VEHICLE$/i.test(line)) {
      section = 'vehicle';
      sectionRows = 0;
      return;
    }
    if (/^CUSTOMER$/i.test(line)) {
      section = 'customer';
      sectionRows = 0;
      return;
    }
    if (section === 'head') {
      if (name === '') name = line;
      return;
    }
    sectionRows += 1;
    if (sectionRows === 1 && /^[A-Za-z]/.test(line)) return; // column names
    const fields = line.split(/\s+/).map(Number);
    if (fields.some((value) => !Number.isFinite(value))) fail(number, `Not a number in "${line}".`);
    if (section === 'vehicle') {
      if (fields.length !== 2 || !Number.isInteger(fields[0]) || fields[0] <= 0 || fields[1] <= 0) {
        fail(number, 'Expected the vehicle number and capacity (two positive numbers).');
      }
      [vehicleCount, capacity] = fields;
      return;
    }
    if (fields.length !== 7) fail(number, `Expected 7 numbers per customer row, got ${fields.length}.`);
    const [id, x, y, demand, ready, due, service] = fields;
    nodes.push({ id, x, y, demand, ready, due, service });
  });
  if (name === '') fail(1, 'No instance name.');
  if (!Number.isFinite(vehicleCount)) fail(lines.length, 'No VEHICLE section with the number and capacity.');
  if (nodes.length === 0) fail(lines.length, 'No CUSTOMER rows (the depot is missing).');
  return { name, vehicleCount, capacity, nodes };
}

/**
 * The routing problem of a Solomon instance: Euclidean plane, one vehicle type, ambient goods.
 * Solomon's due date bounds the start of service; our windows bound the whole service, so a stop's
 * window ends at due + service.
 */
export function solomonToProblem(instance: SolomonInstance): RoutingProblem<PlanePoint> {
  const [depot, ...customers] = instance.nodes;
  return {
    depot: { id: String(depot.id), location: { x: depot.x, y: depot.y }, window: { start: depot.ready, end: depot.due } },
    stops: customers.map((node) => ({
      id: String(node.id),
      location: { x: node.x, y: node.y },
      demandKg: node.demand,
      window: { start: node.ready, end: node.due + node.service },
      serviceTime: node.service,
      temperature: TemperatureClass.AMBIENT,
    })),
    vehicles: Array.from({ length: instance.vehicleCount }, (_, k) => ({
      id: `vehicle-${k + 1}`,
      capacityKg: instance.capacity,
      refrigerated: false,
    })),
  };
}
