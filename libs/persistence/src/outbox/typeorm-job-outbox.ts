import { Injectable } from '@nestjs/common';
import { JobOutbox, OutboxRelayStore, type EnqueueOptions, type JobName, type JobPayloads, type PendingOutboxJob } from '#application';
import { DataSource } from 'typeorm';
import { currentManager, runInTransaction, write } from '../transactions/transaction-scope';

@Injectable()
export class TypeOrmJobOutbox extends JobOutbox {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await write(this.dataSource, 'INSERT INTO outbox_jobs (name, payload, job_id, delay_ms) VALUES ($1, $2::jsonb, $3, $4)', [
      name,
      JSON.stringify(payload),
      options.jobId ?? null,
      options.delayMs ?? null,
    ]);
  }
}

@Injectable()
export class TypeOrmOutboxRelayStore extends OutboxRelayStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async dispatchBatch(limit: number, dispatch: (jobs: readonly PendingOutboxJob[]) => Promise<readonly string[]>): Promise<number> {
    return runInTransaction(this.dataSource, async () => {
      const manager = currentManager(this.dataSource);
      const rows: { id: string; name: string; payload: unknown; job_id: string | null; delay_ms: number | null }[] = await manager.query(
        'SELECT id, name, payload, job_id, delay_ms FROM outbox_jobs WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [limit],
      );
      if (rows.length === 0) return 0;
      const sent = await dispatch(
        rows.map((row) => ({
          id: String(row.id),
          name: row.name as JobName,
          payload: row.payload as JobPayloads[JobName],
          jobId: row.job_id ?? undefined,
          delayMs: row.delay_ms ?? undefined,
        })),
      );
      if (sent.length > 0) await manager.query('UPDATE outbox_jobs SET dispatched_at = now() WHERE id = ANY($1::bigint[])', [sent]);
      return sent.length;
    });
  }
}
