import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSAL_REASONS = "'CAPACITY', 'VISUAL_CHECK', 'HYGIENE', 'TEMPERATURE', 'OTHER'";

/**
 * Partial refusals and offers that follow their goods: a claim keeps when its goods left the donor's
 * site (an offer is COLLECTED once all its claims' goods have) and how many kilos were refused (all
 * of them, or the rest of a partial delivery); a stop event keeps the kilos refused there and why.
 * Earlier rows are filled in from what was already recorded: the trace's collections, the refused
 * claims' kilos, the reasons refusals' notes start with.
 */
export class PartialRefusals1763800014500 implements MigrationInterface {
  name = 'PartialRefusals1763800014500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE claims
        ADD COLUMN collected_at timestamptz NULL,
        ADD COLUMN refused_kg numeric(12, 3) NULL CONSTRAINT claims_refused_kg_check CHECK (refused_kg IS NULL OR refused_kg > 0)`);
    await queryRunner.query(`
      UPDATE claims c SET collected_at = t.at
        FROM (SELECT claim_id, min(occurred_at) AS at FROM trace_events WHERE kind = 'COLLECTED' AND claim_id IS NOT NULL GROUP BY claim_id) t
       WHERE c.id = t.claim_id`);
    await queryRunner.query("UPDATE claims SET refused_kg = total_kg WHERE status = 'REFUSED' AND refusal_reason IS NOT NULL");
    // A refusal has its kilos and its reason, or neither.
    await queryRunner.query('ALTER TABLE claims ADD CONSTRAINT claims_refusal_check CHECK ((refusal_reason IS NULL) = (refused_kg IS NULL))');

    await queryRunner.query(`
      ALTER TABLE run_stop_events
        ADD COLUMN refused_kg numeric(12, 3) NULL CONSTRAINT run_stop_events_refused_kg_check CHECK (refused_kg IS NULL OR refused_kg > 0),
        ADD COLUMN refusal_reason text NULL CONSTRAINT run_stop_events_refusal_reason_check CHECK (refusal_reason IS NULL OR refusal_reason IN (${REFUSAL_REASONS}))`);
    // Refused at a delivery: the kilos collected for it on the run; at a collection: the stop's load.
    await queryRunner.query(`
      UPDATE run_stop_events e
         SET refusal_reason = substring(e.note FROM '^[A-Z_]+'),
             refused_kg = COALESCE(
               (SELECT ce.quantity_kg FROM run_stops s JOIN run_stops cs ON cs.run_id = s.run_id AND cs.claim_id = s.claim_id AND cs.kind = 'COLLECT'
                  JOIN run_stop_events ce ON ce.stop_id = cs.id AND ce.kind = 'COLLECTED'
                 WHERE s.id = e.stop_id AND s.kind = 'DELIVER'),
               (SELECT s.ambient_kg + s.chilled_kg + s.frozen_kg FROM run_stops s WHERE s.id = e.stop_id))
       WHERE e.kind = 'REFUSED'`);
    await queryRunner.query('ALTER TABLE run_stop_events ADD CONSTRAINT run_stop_events_refusal_check CHECK ((refusal_reason IS NULL) = (refused_kg IS NULL))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE run_stop_events DROP CONSTRAINT run_stop_events_refusal_check');
    await queryRunner.query('ALTER TABLE run_stop_events DROP COLUMN refusal_reason, DROP COLUMN refused_kg');
    await queryRunner.query('ALTER TABLE claims DROP CONSTRAINT claims_refusal_check');
    await queryRunner.query('ALTER TABLE claims DROP COLUMN refused_kg, DROP COLUMN collected_at');
  }
}
