import { QueryFailedError, type EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-statement';

/** What a write must have done, checked once it ran (at once, or when its batch is sent). */
export interface WriteExpectation {
  /** The rows the statement must return (its RETURNING clause, or its SELECT list, decides what a row is). */
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
const GUARD = /^\s*select\b/i;
/** SQLSTATE of glane_expect_rows, the database function that refuses a write's row count. */
const EXPECTATION_FAILED = 'GLW01';
const FAILED_WRITE = /^write (\d+) /;

/**
 * The writes of one unit of work, sent together as one statement: each write a data-modifying WITH
 * query, in the order they were queued. On this platform a round trip to PostgreSQL costs more than
 * most of the statements it carries, so a claim that writes eight rows in six tables pays for one
 * trip instead of eight.
 *
 * What holds, and what the writes must respect:
 * - the statements run in the order queued (the final SELECT reads each in turn), all or nothing:
 *   the database itself checks each write's expected row count (glane_expect_rows) and a refused
 *   one aborts the statement, so the batch needs no transaction around it to be atomic;
 * - a foreign key between two of them is checked at the end of the statement, once all ran;
 * - they all see the database as it was before the batch: none reads what another wrote, and no
 *   two may change the same row (the second change would be lost): queue independent writes only;
 * - each write is one plain INSERT, UPDATE or DELETE (no WITH of its own), or a SELECT that guards
 *   the writes after it (it returns its rows, and its expectation is checked like a write's), with
 *   `$n` placeholders.
 */
export class WriteBatch {
  private readonly writes: QueuedWrite[] = [];

  queue(sql: string, parameters: readonly unknown[], expectation?: WriteExpectation): void {
    this.writes.push({ sql, parameters, expectation });
  }

  get size(): number {
    return this.writes.length;
  }

  /** Sends what was queued as one (prepared) statement; a refused expectation throws its error. Empties the batch. */
  async flush(manager: EntityManager): Promise<void> {
    const writes = this.writes.splice(0);
    if (writes.length === 0) return;
    const { sql, parameters } = combineWrites(writes);
    try {
      await preparedQuery(manager, sql, parameters);
    } catch (error) {
      const refused = refusedWrite(error);
      const expectation = refused === undefined ? undefined : writes[refused]?.expectation;
      if (expectation !== undefined) throw expectation.orElse();
      throw error;
    }
  }
}

/** Runs one write now and checks what it returned. */
export async function executeWrite(manager: EntityManager, sql: string, parameters: readonly unknown[], expectation?: WriteExpectation): Promise<void> {
  const result = await preparedQuery(manager, sql, parameters);
  if (expectation !== undefined && result.rows.length !== expectation.rows) throw expectation.orElse();
}

/**
 * `WITH w0 AS (first), w1 AS (second) ... SELECT glane_expect_rows(0, (SELECT count(*) FROM w0), n), ...`,
 * each write's placeholders shifted past those of the writes before it. Reading the counts one after
 * the other is what makes the writes run in order, so a write without RETURNING gets `RETURNING 1`;
 * a write without expectation is only counted.
 */
export function combineWrites(
  writes: ReadonlyArray<{ readonly sql: string; readonly parameters: readonly unknown[]; readonly expectation?: Pick<WriteExpectation, 'rows'> | undefined }>,
): {
  sql: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [];
  const queries = writes.map((write, index) => {
    const offset = parameters.length;
    parameters.push(...write.parameters);
    const shifted = write.sql.replace(PLACEHOLDER, (_, position: string) => `$${Number(position) + offset}`);
    return `w${index} AS (${RETURNING.test(write.sql) || GUARD.test(write.sql) ? shifted : `${shifted} RETURNING 1`})`;
  });
  const counts = writes.map((write, index) => {
    const count = `(SELECT count(*) FROM w${index})`;
    return write.expectation === undefined ? `${count} AS w${index}` : `glane_expect_rows(${index}, ${count}, ${write.expectation.rows}) AS w${index}`;
  });
  return { sql: `WITH ${queries.join(',\n')}\nSELECT ${counts.join(', ')}`, parameters };
}

/** The index of the write glane_expect_rows refused, if that is what failed. */
function refusedWrite(error: unknown): number | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const cause = error.driverError as { code?: unknown; message?: unknown } | undefined;
  if (cause?.code !== EXPECTATION_FAILED || typeof cause.message !== 'string') return undefined;
  const match = FAILED_WRITE.exec(cause.message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
