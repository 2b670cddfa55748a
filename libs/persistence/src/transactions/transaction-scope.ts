import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const scope = new AsyncLocalStorage<EntityManager>();

/**
 * The entity manager repositories must use: the current unit of work's transaction when there is
 * one, the pool otherwise. Every repository goes through this, so joining a transaction needs no
 * parameter passing.
 */
export function currentManager(dataSource: DataSource): EntityManager {
  return scope.getStore() ?? dataSource.manager;
}

export function inTransaction(): boolean {
  return scope.getStore() !== undefined;
}

/** Runs work inside a transaction, or inside the caller's transaction if already in one. */
export async function runInTransaction<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (scope.getStore() !== undefined) return work();
  return dataSource.transaction((manager) => scope.run(manager, work));
}
