import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { executeWrite, WriteBatch, type WriteExpectation } from './write-batch';

interface TransactionScope {
  readonly manager: EntityManager;
  /** False in optimistic work: reads go to the pool, and only the batch of writes is atomic. */
  readonly transaction: boolean;
  /** Present when the unit of work sends its writes together at commit (see WriteBatch). */
  readonly batch: WriteBatch | undefined;
}

export interface TransactionOptions {
  /** Queue the writes (`write`) and send them as one statement before commit; see WriteBatch for what this asks of the work. */
  readonly writesAtCommit?: boolean;
  /**
   * No transaction at all: reads go to the pool unlocked, writes are queued and sent at the end as
   * one statement that the database checks and applies whole (see WriteBatch). For work whose
   * writes guard what they rely on (an offer's version, a storage check under its lock).
   */
  readonly optimistic?: boolean;
}

const scope = new AsyncLocalStorage<TransactionScope>();

/**
 * The entity manager repositories must use: the current unit of work's transaction when there is
 * one, the pool otherwise. Every repository goes through this, so joining a transaction needs no
 * parameter passing.
 */
export function currentManager(dataSource: DataSource): EntityManager {
  return scope.getStore()?.manager ?? dataSource.manager;
}

/** Inside a database transaction (where a row lock lasts until commit); optimistic work is not. */
export function inTransaction(): boolean {
  return scope.getStore()?.transaction === true;
}

/**
 * A write a repository makes: queued when the unit of work sends its writes at commit, run at once
 * otherwise; either way its expectation is checked and a failed one rolls the transaction back.
 */
export async function write(dataSource: DataSource, sql: string, parameters: readonly unknown[], expectation?: WriteExpectation): Promise<void> {
  const current = scope.getStore();
  if (current?.batch !== undefined) {
    current.batch.queue(sql, parameters, expectation);
    return;
  }
  await executeWrite(current?.manager ?? dataSource.manager, sql, parameters, expectation);
}

/** Runs work inside a transaction, or inside the caller's transaction if already in one. */
export async function runInTransaction<T>(dataSource: DataSource, work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (scope.getStore() !== undefined) return work();
  if (options.optimistic === true) {
    const batch = new WriteBatch();
    const result = await scope.run({ manager: dataSource.manager, transaction: false, batch }, work);
    await batch.flush(dataSource.manager);
    return result;
  }
  return dataSource.transaction(async (manager) => {
    const batch = options.writesAtCommit === true ? new WriteBatch() : undefined;
    const result = await scope.run({ manager, transaction: true, batch }, work);
    await batch?.flush(manager);
    return result;
  });
}
