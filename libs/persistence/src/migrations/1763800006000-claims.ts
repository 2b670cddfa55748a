import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims as their own aggregate: the one rule for which claims hold goods (a view), the parties of
 * a claim, idempotency keys, the pickups that claims become, and the append-only trace of what
 * happened to goods.
 */
export class Claims1763800006000 implements MigrationInterface {
  name = 'Claims1763800006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Keys are scoped to the person who sent them (claim_idempotency_keys), not to the organisation.
    await queryRunner.query('ALTER TABLE claims DROP CONSTRAINT claims_idempotency_unique');
    await queryRunner.query('ALTER TABLE claims ALTER COLUMN idempotency_key DROP NOT NULL');
    await queryRunner.query(`
      ALTER TABLE claims
        ADD COLUMN recipient_site_id uuid NULL REFERENCES sites (id) ON DELETE RESTRICT,
        ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN cancelled_by text NULL CHECK (cancelled_by IS NULL OR cancelled_by IN ('RECIPIENT', 'DONOR', 'WITHDRAWAL'))`);
    await queryRunner.query('CREATE INDEX claims_offer_created_idx ON claims (offer_id, created_at DESC, id)');

    // (After the new columns: a view's * is expanded when it is created.)
    // Which claims hold goods (kilos out of the offer, room in the recipient's storage, history):
    // the same list as CLAIM_STATUSES_HOLDING_GOODS in the domain. Every query that needs the rule
    // reads this view; its partial index has the same predicate, so the planner uses it.
    await queryRunner.query(`
      CREATE VIEW claims_holding_goods AS
        SELECT * FROM claims WHERE status IN ('CONFIRMED', 'COLLECTED', 'DELIVERED')`);
    await queryRunner.query('DROP INDEX claims_recipient_day_idx');
    await queryRunner.query(
      "CREATE INDEX claims_holding_recipient_day_idx ON claims (recipient_organization_id, pickup_day) WHERE status IN ('CONFIRMED', 'COLLECTED', 'DELIVERED')",
    );

    // One row per (person, key): a concurrent duplicate blocks on the unique index until the first
    // commits, then reads its claim. The claim is written later in the same transaction, hence the
    // deferred foreign key.
    await queryRunner.query(`
      CREATE TABLE claim_idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await queryRunner.query('CREATE INDEX claim_idempotency_keys_created_idx ON claim_idempotency_keys (created_at)');

    await queryRunner.query(`
      CREATE TABLE pickups (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL UNIQUE REFERENCES claims (id) ON DELETE RESTRICT,
        offer_id uuid NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
        from_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        from_site_id uuid NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        to_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        to_site_id uuid NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        collect_from timestamptz NOT NULL,
        collect_until timestamptz NOT NULL,
        deliver_from timestamptz NOT NULL,
        deliver_until timestamptz NOT NULL,
        ambient_kg numeric(12, 3) NOT NULL DEFAULT 0 CHECK (ambient_kg >= 0),
        chilled_kg numeric(12, 3) NOT NULL DEFAULT 0 CHECK (chilled_kg >= 0),
        frozen_kg numeric(12, 3) NOT NULL DEFAULT 0 CHECK (frozen_kg >= 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'QUEUED', 'CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz NULL,
        cancelled_at timestamptz NULL,
        CONSTRAINT pickups_collect_window_check CHECK (collect_until > collect_from),
        CONSTRAINT pickups_deliver_window_check CHECK (deliver_until > deliver_from)
      )`);
    await queryRunner.query("CREATE INDEX pickups_open_idx ON pickups (collect_from) WHERE status <> 'CANCELLED'");

    // Append-only: one row per item moved by an event, ordered by seq. Rows sharing an event_id
    // were one change (an event that moved nothing, a withdrawal of a fully claimed offer, is one
    // row without an item). Nothing updates or deletes them: the triggers refuse it, whoever asks.
    await queryRunner.query(`
      CREATE TABLE trace_events (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OFFERED', 'OFFER_WITHDRAWN', 'OFFER_EXPIRED', 'CLAIMED', 'CLAIM_CANCELLED')),
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid NULL,
        offer_id uuid NOT NULL,
        claim_id uuid NULL,
        item_id uuid NULL,
        category text NULL,
        gtin text NULL,
        lot_number text NULL,
        kg numeric(12, 3) NOT NULL CHECK (kg >= 0),
        temperature text NULL CHECK (temperature IN ('AMBIENT', 'CHILLED', 'FROZEN')),
        from_organization_id uuid NOT NULL,
        from_site_id uuid NOT NULL,
        to_organization_id uuid NULL,
        to_site_id uuid NULL,
        reason text NULL
      )`);
    await queryRunner.query('CREATE INDEX trace_events_event_idx ON trace_events (event_id)');
    await queryRunner.query('CREATE INDEX trace_events_offer_idx ON trace_events (offer_id, seq)');
    await queryRunner.query('CREATE INDEX trace_events_claim_idx ON trace_events (claim_id, seq) WHERE claim_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX trace_events_gtin_idx ON trace_events (gtin, seq) WHERE gtin IS NOT NULL');
    await queryRunner.query('CREATE INDEX trace_events_lot_idx ON trace_events (lot_number, seq) WHERE lot_number IS NOT NULL');
    await queryRunner.query(`
      CREATE FUNCTION trace_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'trace_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER trace_events_append_only BEFORE UPDATE OR DELETE ON trace_events FOR EACH ROW EXECUTE FUNCTION trace_events_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER trace_events_no_truncate BEFORE TRUNCATE ON trace_events FOR EACH STATEMENT EXECUTE FUNCTION trace_events_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE trace_events');
    await queryRunner.query('DROP FUNCTION trace_events_refuse_change()');
    await queryRunner.query('DROP TABLE pickups');
    await queryRunner.query('DROP TABLE claim_idempotency_keys');
    await queryRunner.query('DROP INDEX claims_offer_created_idx');
    await queryRunner.query('ALTER TABLE claims DROP COLUMN cancelled_by, DROP COLUMN status_changed_at, DROP COLUMN recipient_site_id');
    await queryRunner.query('UPDATE claims SET idempotency_key = id::text WHERE idempotency_key IS NULL');
    await queryRunner.query('ALTER TABLE claims ALTER COLUMN idempotency_key SET NOT NULL');
    await queryRunner.query('ALTER TABLE claims ADD CONSTRAINT claims_idempotency_unique UNIQUE (recipient_organization_id, idempotency_key)');
    await queryRunner.query('DROP INDEX claims_holding_recipient_day_idx');
    await queryRunner.query("CREATE INDEX claims_recipient_day_idx ON claims (recipient_organization_id, pickup_day) WHERE status <> 'CANCELLED'");
    await queryRunner.query('DROP VIEW claims_holding_goods');
  }
}
