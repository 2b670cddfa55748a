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
  /**
   * No transaction: the work reads the latest committed data without locks and its writes are sent
   * together at the end, applied whole or not at all. Only for work whose writes check what they
   * rely on (an aggregate's version, a guard): a write refused because something changed since the
   * read fails the run (CONFLICT for a stale version), and the caller may run it again, locked.
   */
  readonly optimistic?: boolean;
}
