/**
 * Runs work in one database transaction. Repositories and the job outbox called inside `run` join
 * that transaction by themselves (the persistence layer carries it in async context), so a use
 * case states what must be atomic without handling connections.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
}

export interface UnitOfWorkOptions {
  /**
   * The work reads everything before it writes anything: its writes may then be held and sent
   * together just before commit (one round trip instead of one per write). A hot path's choice;
   * the outcome is the same, all or nothing.
   */
  readonly writesAtCommit?: boolean;
}
