import type { EntityManager } from 'typeorm';

/** What a write must have done, checked once it ran (at once, or when its batch is sent). */
export interface WriteExpectation {
  /** The rows the statement must return (its RETURNING clause decides what a row is). */
  readonly rows: number;
  /** The error to throw otherwise; thrown inside the transaction, it rolls the whole of it back. */
  readonly orElse: () => Error;
}

interface QueuedWrite {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly expectation: WriteExpectation | undefined;
}

const PLACEHOLDER = /\$(\d+)/g;
const RETURNING = /\breturning\b/i;

/**
 * The writes of one unit of work, sent together as one statement just before commit: each write a
 * data-modifying WITH query, in the order they were queued. On this platform a round trip to
 * PostgreSQL costs more than most of the statements it carries, so a claim that writes eight rows
 * in six tables pays for one trip instead of eight.
 *
 * What holds, and what the writes must respect:
 * - the statements run in the order queued (the final SELECT reads each in turn), all or nothing,
 *   and a foreign key between two of them is checked at the end of the statement, once all ran;
 * - they all see the database as it was before the batch: none reads what another wrote, and no
 *   two may change the same row (the second change would be lost): queue independent writes only;
 * - each write is one plain INSERT, UPDATE or DELETE (no WITH of its own), with `$n` placeholders.
 */
export class WriteBatch {
  private readonly writes: QueuedWrite[] = [];

  queue(sql: string, parameters: readonly unknown[], expectation?: WriteExpectation): void {
    this.writes.push({ sql, parameters, expectation });
  }

  get size(): number {
    return this.writes.length;
  }

  /** Sends what was queued as one statement, then checks each write's expectation; empties the batch. */
  async flush(manager: EntityManager): Promise<void> {
    const writes = this.writes.splice(0);
    if (writes.length === 0) return;
    if (writes.length === 1) {
      const [only] = writes;
      if (only !== undefined) await executeWrite(manager, only.sql, only.parameters, only.expectation);
      return;
    }
    const { sql, parameters } = combineWrites(writes);
    const [counts] = await manager.query<Array<Record<string, string | number>>>(sql, [...parameters]);
    writes.forEach((write, index) => {
      if (write.expectation !== undefined && Number(counts?.[`w${index}`]) !== write.expectation.rows) throw write.expectation.orElse();
    });
  }
}

/** Runs one write now and checks what it returned. */
export async function executeWrite(manager: EntityManager, sql: string, parameters: readonly unknown[], expectation?: WriteExpectation): Promise<void> {
  const result: unknown = await manager.query(sql, [...parameters]);
  if (expectation !== undefined && returnedRowCount(result) !== expectation.rows) throw expectation.orElse();
}

/**
 * `WITH w0 AS (first), w1 AS (second) ... SELECT (SELECT count(*) FROM w0) AS w0, ...`, each write's
 * placeholders shifted past those of the writes before it. Reading the counts one after the other is
 * what makes the writes run in order, so a write without RETURNING gets `RETURNING 1`.
 */
export function combineWrites(writes: ReadonlyArray<{ readonly sql: string; readonly parameters: readonly unknown[] }>): {
  sql: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [];
  const queries = writes.map((write, index) => {
    const offset = parameters.length;
    parameters.push(...write.parameters);
    const shifted = write.sql.replace(PLACEHOLDER, (_, position: string) => `$${Number(position) + offset}`);
    return `w${index} AS (${RETURNING.test(write.sql) ? shifted : `${shifted} RETURNING 1`})`;
  });
  const counts = writes.map((_, index) => `(SELECT count(*) FROM w${index}) AS w${index}`);
  return { sql: `WITH ${queries.join(',\n')}\nSELECT ${counts.join(', ')}`, parameters };
}

/** `query()` of an UPDATE or DELETE gives [rows, count] in TypeORM 1.x; an INSERT or a SELECT gives rows. */
function returnedRowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0].length;
  return Array.isArray(result) ? result.length : 0;
}
