import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Jobs written in the same transaction as the change that calls for them; the worker relays them to the queue. */
export class Outbox1763800000100 implements MigrationInterface {
  name = 'Outbox1763800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_jobs (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        payload jsonb NOT NULL,
        job_id text,
        delay_ms integer CHECK (delay_ms IS NULL OR delay_ms >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX outbox_jobs_pending_idx ON outbox_jobs (id) WHERE dispatched_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_jobs');
  }
}
