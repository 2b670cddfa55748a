import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainEventWriter, type JobName, type JobPayloads } from '#application';
import { DomainEventKind, type DomainEvent } from '#domain';
import { DataSource } from 'typeorm';
import { write } from '../transactions/transaction-scope';

interface OutboxRow {
  readonly name: JobName;
  readonly payload: JobPayloads[JobName];
  readonly jobId: string;
}

/**
 * Writes domain events in the caller's transaction: trace rows (one per line, in the order the
 * events were recorded; seq orders them for good) and the outbox rows of what follows after commit:
 * a live notice for the offer, and an e-mail to the other party of a claim. Two statements for
 * any number of events, so saving an aggregate costs the same however much it recorded.
 */
@Injectable()
export class SqlDomainEventWriter extends DomainEventWriter {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async write(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const columns: unknown[][] = Array.from({ length: 19 }, () => []);
    const outbox: OutboxRow[] = [];
    for (const event of events) {
      const eventId = randomUUID();
      const lines = event.lines.length > 0 ? event.lines : [null];
      for (const line of lines) {
        [
          eventId,
          event.kind,
          event.occurredAt,
          event.actorUserId,
          event.offerId,
          event.claimId,
          line?.itemId ?? null,
          line?.category ?? null,
          line?.gtin ?? null,
          line?.lotNumber ?? null,
          line?.kg ?? 0,
          line?.temperature ?? null,
          event.from.organizationId,
          event.from.siteId,
          event.to?.organizationId ?? null,
          event.to?.siteId ?? null,
          event.reason,
          event.temperatureC ?? null,
          event.stopId ?? null,
        ].forEach((value, index) => columns[index]?.push(value));
      }
      outbox.push(...followUps(event, eventId));
    }
    await write(
      this.dataSource,
      `INSERT INTO trace_events (event_id, kind, occurred_at, actor_user_id, offer_id, claim_id, item_id, category, gtin, lot_number, kg,
         temperature, from_organization_id, from_site_id, to_organization_id, to_site_id, reason, temperature_c, stop_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
         $10::text[], $11::numeric[], $12::text[], $13::uuid[], $14::uuid[], $15::uuid[], $16::uuid[], $17::text[], $18::numeric[], $19::uuid[])`,
      columns,
    );
    await write(
      this.dataSource,
      `INSERT INTO outbox_jobs (name, payload, job_id)
       SELECT * FROM unnest($1::text[], $2::jsonb[], $3::text[])`,
      [outbox.map((row) => row.name), outbox.map((row) => JSON.stringify(row.payload)), outbox.map((row) => row.jobId)],
    );
  }
}

/** What each event sets going once committed; job ids derive from the event, so a replay is dropped. */
function followUps(event: DomainEvent, eventId: string): OutboxRow[] {
  const rows: OutboxRow[] = [{ name: 'offers.changed-notice', payload: { offerId: event.offerId }, jobId: `offer-changed-${eventId}` }];
  switch (event.kind) {
    case DomainEventKind.CLAIMED:
    case DomainEventKind.CLAIM_CANCELLED:
      if (event.claimId !== null) {
        rows.push({ name: 'notifications.claim-email', payload: { claimId: event.claimId, kind: event.kind }, jobId: `claim-email-${eventId}` });
        // The recipient's day changed: a planned day is re-planned (runs.day-changed decides).
        rows.push({ name: 'runs.day-changed', payload: { claimId: event.claimId }, jobId: `day-changed-${eventId}` });
      }
      return rows;
    // A refusal goes back to the donor (docs/domain-rules.md, Refusal).
    case DomainEventKind.REFUSED:
      if (event.claimId !== null) {
        rows.push({
          name: 'notifications.refusal-email',
          payload: { claimId: event.claimId, temperatureC: event.temperatureC ?? null },
          jobId: `refusal-email-${eventId}`,
        });
      }
      return rows;
    case DomainEventKind.OFFERED:
    case DomainEventKind.OFFER_WITHDRAWN:
    case DomainEventKind.OFFER_EXPIRED:
    case DomainEventKind.STOP_ARRIVED:
    case DomainEventKind.COLLECTED:
    case DomainEventKind.DELIVERED:
    case DomainEventKind.NO_SHOW:
      return rows;
    default: {
      const unknown: never = event.kind;
      throw new Error(`unknown domain event ${String(unknown)}`);
    }
  }
}
