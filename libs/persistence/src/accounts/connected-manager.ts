import { ConnectionIsNotSetError, type DataSource, type EntityManager } from 'typeorm';
import { currentManager } from '../transactions/transaction-scope';

/**
 * Throws the error the API reports as SERVICE_UNAVAILABLE while the database is not connected yet.
 * Without this check TypeORM answers a request made before the first connection with a misleading
 * "no metadata for entity" error, reported as an internal error.
 */
export function assertConnected(dataSource: DataSource): void {
  if (!dataSource.isInitialized) throw new ConnectionIsNotSetError('postgres');
}

/** The manager to use: the unit of work's transaction if there is one, the pool otherwise. */
export function connectedManager(dataSource: DataSource): EntityManager {
  assertConnected(dataSource);
  return currentManager(dataSource);
}
