import type { DataSource } from 'typeorm';

/**
 * Proof that a race really happened: waits until `count` sessions of this test's database are
 * blocked on a lock (pg_stat_activity), or fails after `timeoutMs` naming what never waited.
 */
export async function waitForLockWaiters(dataSource: DataSource, count: number, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    const waiting = rows[0]?.n ?? 0;
    if (waiting >= count) return;
    if (Date.now() > deadline) throw new Error(`${what}: ${waiting} of ${count} session(s) ever waited for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A point one side of a race stops at until the other side lets it go. */
export class Checkpoint {
  private arrive!: () => void;
  private leave!: () => void;
  /** Resolves when the gated side has arrived. */
  readonly reached = new Promise<void>((resolve) => (this.arrive = resolve));
  private readonly released = new Promise<void>((resolve) => (this.leave = resolve));

  /** Called by the gated side: says it is here, then waits to be released. */
  async pass(): Promise<void> {
    this.arrive();
    await this.released;
  }

  release(): void {
    this.leave();
  }
}

/** A promise's outcome as a value, so a rejection can be asserted after the race. */
export function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value): PromiseFulfilledResult<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
  );
}
