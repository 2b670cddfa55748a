import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_TRACE_KINDS = "'OFFERED', 'OFFER_WITHDRAWN', 'OFFER_EXPIRED', 'CLAIMED', 'CLAIM_CANCELLED'";
const TRACE_KINDS = `${OLD_TRACE_KINDS}, 'STOP_ARRIVED', 'COLLECTED', 'DELIVERED', 'REFUSED', 'NO_SHOW'`;

/**
 * What drivers record at stops: one row per event (each kind once per stop), the trace of the
 * goods' hand-overs with the temperature read, claims refused (and why) or cancelled because nobody
 * came, claim lines that end at the kilos actually moved (possibly none of an item), and the
 * no-shows by run, driver and organisation.
 */
export class StopEvents1763800013100 implements MigrationInterface {
  name = 'StopEvents1763800013100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE run_stop_events (
        stop_id uuid NOT NULL REFERENCES run_stops (id) ON DELETE RESTRICT,
        kind text NOT NULL CONSTRAINT run_stop_events_kind_check CHECK (kind IN ('ARRIVED', 'COLLECTED', 'DELIVERED', 'REFUSED', 'NO_SHOW')),
        at timestamptz(3) NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        quantity_kg numeric(12, 3) NULL CONSTRAINT run_stop_events_quantity_check CHECK (quantity_kg IS NULL OR quantity_kg > 0),
        temperature_c numeric(4, 1) NULL CONSTRAINT run_stop_events_temperature_check CHECK (temperature_c IS NULL OR temperature_c BETWEEN -40 AND 60),
        note text NULL,
        temperature_out_of_limit boolean NOT NULL DEFAULT false,
        CONSTRAINT run_stop_events_pkey PRIMARY KEY (stop_id, kind)
      )`);

    await queryRunner.query('ALTER TABLE trace_events DROP CONSTRAINT trace_events_kind_check');
    await queryRunner.query(`ALTER TABLE trace_events ADD CONSTRAINT trace_events_kind_check CHECK (kind IN (${TRACE_KINDS}))`);
    await queryRunner.query(`
      ALTER TABLE trace_events
        ADD COLUMN temperature_c numeric(4, 1) NULL,
        ADD COLUMN stop_id uuid NULL`);

    await queryRunner.query('ALTER TABLE claims DROP CONSTRAINT claims_cancelled_by_check');
    await queryRunner.query(
      "ALTER TABLE claims ADD CONSTRAINT claims_cancelled_by_check CHECK (cancelled_by IS NULL OR cancelled_by IN ('RECIPIENT', 'DONOR', 'WITHDRAWAL', 'NO_SHOW'))",
    );
    await queryRunner.query(`
      ALTER TABLE claims
        ADD COLUMN refusal_reason text NULL CONSTRAINT claims_refusal_reason_check
          CHECK (refusal_reason IS NULL OR refusal_reason IN ('CAPACITY', 'VISUAL_CHECK', 'HYGIENE', 'TEMPERATURE', 'OTHER')),
        ADD COLUMN refusal_note text NULL`);
    // A driver may collect less than claimed, down to none of one item: the line stays, at 0 kg.
    await queryRunner.query('ALTER TABLE claim_lines DROP CONSTRAINT claim_lines_quantity_kg_check');
    await queryRunner.query('ALTER TABLE claim_lines ADD CONSTRAINT claim_lines_quantity_kg_check CHECK (quantity_kg >= 0)');

    // Nobody at a stop: counted per run's driver, per recipient (the run's organisation) and per
    // organisation of the stop's site.
    await queryRunner.query(`
      CREATE VIEW run_no_shows AS
        SELECT e.stop_id, e.at, s.kind AS stop_kind, s.organization_id AS stop_organization_id, s.claim_id,
               r.id AS run_id, r.organization_id AS run_organization_id, r.driver_user_id
          FROM run_stop_events e JOIN run_stops s ON s.id = e.stop_id JOIN runs r ON r.id = s.run_id
         WHERE e.kind = 'NO_SHOW'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW run_no_shows');
    await queryRunner.query('ALTER TABLE claim_lines DROP CONSTRAINT claim_lines_quantity_kg_check');
    await queryRunner.query('ALTER TABLE claim_lines ADD CONSTRAINT claim_lines_quantity_kg_check CHECK (quantity_kg > 0)');
    await queryRunner.query('ALTER TABLE claims DROP COLUMN refusal_note, DROP COLUMN refusal_reason');
    await queryRunner.query('ALTER TABLE claims DROP CONSTRAINT claims_cancelled_by_check');
    await queryRunner.query(
      "ALTER TABLE claims ADD CONSTRAINT claims_cancelled_by_check CHECK (cancelled_by IS NULL OR cancelled_by IN ('RECIPIENT', 'DONOR', 'WITHDRAWAL'))",
    );
    await queryRunner.query('ALTER TABLE trace_events DROP COLUMN stop_id, DROP COLUMN temperature_c');
    await queryRunner.query('ALTER TABLE trace_events DROP CONSTRAINT trace_events_kind_check');
    await queryRunner.query(`ALTER TABLE trace_events ADD CONSTRAINT trace_events_kind_check CHECK (kind IN (${OLD_TRACE_KINDS}))`);
    await queryRunner.query('DROP TABLE run_stop_events');
  }
}
