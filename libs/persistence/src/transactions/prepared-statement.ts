import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';

/** What pg's client and pool offer that TypeORM's query() does not: named (prepared) statements. */
interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<PreparedResult>;
}

interface PreparingPool {
  connect(): Promise<PreparingClient & { release(): void }>;
}

/** pg's result: the rows, and the count an INSERT, UPDATE or DELETE without RETURNING reports. */
export interface PreparedResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

/** One name per statement text, so each connection parses and plans a statement once. */
const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `glane_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement, on the manager's transaction connection when it
 * has one (see currentManager), on a connection of the pool otherwise. pg parses a named statement once per
 * connection and PostgreSQL may keep its plan; on the hot paths (a claim is about ten statements)
 * parsing and planning again on every call cost more than running them.
 *
 * For statements whose text is fixed in the code, or comes in a few shapes: every distinct text
 * stays prepared on each connection that ran it, for that connection's life. Errors come out as
 * TypeORM's QueryFailedError, like those of `manager.query`.
 */
export async function preparedQuery(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<PreparedResult> {
  const statement = { name: statementName(sql), text: sql, values: [...parameters] };
  try {
    if (manager.queryRunner !== undefined)
      return await inTurn(manager.queryRunner, async (runner) => ((await runner.connect()) as PreparingClient).query(statement));
    // Outside a transaction, a connection straight from pg's pool. Given back without the error: a
    // refused statement leaves the connection sound, and the pool drops a broken one by itself
    // (pool.query() would close it on any error, and with it every statement it had prepared).
    const client = await (manager.dataSource.driver as unknown as { master: PreparingPool }).master.connect();
    try {
      return await client.query(statement);
    } finally {
      client.release();
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw new QueryFailedError(sql, [...parameters], error);
    throw error;
  }
}

/** The last statement sent on each transaction's connection: the next waits for it. */
const lastOnConnection = new WeakMap<QueryRunner, Promise<unknown>>();

/**
 * One statement at a time on a transaction's connection, in the order asked: reads made side by
 * side (Promise.all) by work that runs inside a caller's transaction share its one connection,
 * and pg will no longer queue them itself.
 */
function inTurn<T>(runner: QueryRunner, send: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const previous = lastOnConnection.get(runner) ?? Promise.resolve();
  const turn = previous.then(
    () => send(runner),
    () => send(runner),
  );
  lastOnConnection.set(runner, turn);
  return turn;
}

/** The rows of a prepared statement (see preparedQuery). */
export async function preparedRows<T>(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<T[]> {
  return (await preparedQuery(manager, sql, parameters)).rows as T[];
}
