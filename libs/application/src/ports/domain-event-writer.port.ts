import type { DomainEvent } from '#domain';

/**
 * Writes what aggregates recorded, inside the transaction of the change they describe: one trace
 * record per item moved (append-only, ordered) and the background work that follows from each
 * event (live notices, e-mails) as outbox rows. Repositories call it when they save an aggregate,
 * so no use case hand-writes that tail, and no change is stored without its trace.
 */
export abstract class DomainEventWriter {
  abstract write(events: readonly DomainEvent[]): Promise<void>;
}
