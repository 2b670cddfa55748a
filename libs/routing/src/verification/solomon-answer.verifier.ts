/**
 * An independent check of an answer of the `routing:solve` command against the Solomon file it
 * solved. It reads the file with its own few lines (sharing no code with the solver or its parser)
 * and follows Solomon's rules: service starts in [ready, due], vehicles leave the depot at its
 * ready time and return by its due date, Euclidean distances and travel times, not rounded.
 */
export interface SolomonAnswer {
  readonly instance: string;
  readonly vehicles: number;
  readonly distance: number;
  readonly routes: readonly (readonly number[])[];
}

export interface SolomonCheck {
  readonly violations: string[];
  /** The distance recomputed from the routes. */
  readonly distance: number;
}

interface Row {
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  readonly ready: number;
  readonly due: number;
  readonly service: number;
}

export function verifySolomonAnswer(fileText: string, answer: SolomonAnswer): SolomonCheck {
  const violations: string[] = [];
  const numeric = fileText
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 0 && fields.every((field) => field !== '' && !Number.isNaN(Number(field))))
    .map((fields) => fields.map(Number));
  const vehicleLine = numeric.find((fields) => fields.length === 2);
  const rows = new Map<number, Row>();
  for (const fields of numeric) {
    if (fields.length === 7) rows.set(fields[0], { x: fields[1], y: fields[2], demand: fields[3], ready: fields[4], due: fields[5], service: fields[6] });
  }
  const depot = rows.get(0);
  if (vehicleLine === undefined || depot === undefined) return { violations: ['the file has no vehicle line or no depot row'], distance: Number.NaN };
  const [fleet, capacity] = vehicleLine;
  const length = (a: Row, b: Row): number => Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));

  const visits = new Map<number, number>();
  let total = 0;
  let used = 0;
  answer.routes.forEach((route, index) => {
    if (route.length === 0) return;
    used += 1;
    let place = depot;
    let clock = depot.ready;
    let load = 0;
    for (const id of route) {
      const row = rows.get(id);
      if (row === undefined || id === 0) {
        violations.push(`route ${index}: unknown customer ${id}`);
        continue;
      }
      visits.set(id, (visits.get(id) ?? 0) + 1);
      const leg = length(place, row);
      total += leg;
      const start = Math.max(clock + leg, row.ready);
      if (start > row.due) violations.push(`route ${index}: customer ${id} served at ${start}, after its due date ${row.due}`);
      clock = start + row.service;
      load += row.demand;
      place = row;
    }
    const back = length(place, depot);
    total += back;
    if (clock + back > depot.due) violations.push(`route ${index}: back at ${clock + back}, after the depot's due date ${depot.due}`);
    if (load > capacity) violations.push(`route ${index}: load ${load} over capacity ${capacity}`);
  });
  for (const id of rows.keys()) {
    if (id === 0) continue;
    const times = visits.get(id) ?? 0;
    if (times !== 1) violations.push(`customer ${id} visited ${times} times`);
  }
  if (used > fleet) violations.push(`${used} routes, more than the ${fleet} vehicles of the file`);
  if (used !== answer.vehicles) violations.push(`reported ${answer.vehicles} vehicles for ${used} routes`);
  if (Math.abs(total - answer.distance) > 0.01) violations.push(`reported distance ${answer.distance}, recomputed ${total}`);
  return { violations, distance: total };
}
