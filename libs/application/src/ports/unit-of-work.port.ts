/**
 * Runs work in one database transaction. Repositories and the job outbox called inside `run` join
 * that transaction by themselves (the persistence layer carries it in async context), so a use
 * case states what must be atomic without handling connections.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
