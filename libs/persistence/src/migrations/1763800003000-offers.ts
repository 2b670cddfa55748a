import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers and their items, claims (read by matching for the capacity already taken per day, written
 * by claimOffer), and the record of which recipient was told of which offer.
 */
export class Offers1763800003000 implements MigrationInterface {
  name = 'Offers1763800003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers (
        id uuid PRIMARY KEY,
        donor_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        site_id uuid NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        created_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        title text NOT NULL,
        status text NOT NULL CONSTRAINT offers_status_check
          CHECK (status IN ('DRAFT','PUBLISHED','PARTIALLY_CLAIMED','CLAIMED','COLLECTED','CLOSED','WITHDRAWN','EXPIRED')),
        pickup_from timestamptz NOT NULL,
        pickup_until timestamptz NOT NULL,
        -- Copied from the site when the offer is created, so open offers have their own spatial index.
        location geography(Point, 4326) NOT NULL,
        total_kg numeric(12, 3) NOT NULL CHECK (total_kg > 0),
        remaining_kg numeric(12, 3) NOT NULL CHECK (remaining_kg >= 0 AND remaining_kg <= total_kg),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        withdrawal_reason text NULL,
        expiry_reason text NULL CHECK (expiry_reason IS NULL OR expiry_reason IN ('WINDOW_OVER','NO_DLC_MARGIN_LEFT')),
        -- Bumped on every change; writers compare it to refuse lost updates.
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT offers_window_check CHECK (pickup_until > pickup_from)
      )`);
    await queryRunner.query('CREATE INDEX offers_donor_idx ON offers (donor_organization_id, created_at DESC, id)');
    await queryRunner.query("CREATE INDEX offers_open_location_gix ON offers USING GIST (location) WHERE status IN ('PUBLISHED','PARTIALLY_CLAIMED')");
    await queryRunner.query("CREATE INDEX offers_open_until_idx ON offers (pickup_until) WHERE status IN ('PUBLISHED','PARTIALLY_CLAIMED')");
    await queryRunner.query('CREATE INDEX offers_status_created_idx ON offers (status, created_at DESC, id)');

    await queryRunner.query(`
      CREATE TABLE offer_items (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
        position integer NOT NULL,
        category text NOT NULL,
        description text NOT NULL,
        quantity_kg numeric(12, 3) NOT NULL CHECK (quantity_kg > 0),
        remaining_kg numeric(12, 3) NOT NULL CHECK (remaining_kg >= 0 AND remaining_kg <= quantity_kg),
        temperature text NOT NULL CHECK (temperature IN ('AMBIENT','CHILLED','FROZEN')),
        date_kind text NOT NULL CHECK (date_kind IN ('DLC','DDM','NONE')),
        date date NULL,
        allergens text[] NOT NULL DEFAULT '{}',
        gtin text NULL,
        lot_number text NULL,
        unit_cost_cents integer NULL CHECK (unit_cost_cents IS NULL OR unit_cost_cents >= 0),
        CONSTRAINT offer_items_position_unique UNIQUE (offer_id, position),
        CONSTRAINT offer_items_dlc_date_check CHECK (date_kind <> 'DLC' OR date IS NOT NULL),
        CONSTRAINT offer_items_none_date_check CHECK (date_kind <> 'NONE' OR date IS NULL)
      )`);
    await queryRunner.query('CREATE INDEX offer_items_offer_idx ON offer_items (offer_id, position)');
    await queryRunner.query('CREATE INDEX offer_items_category_idx ON offer_items (category)');
    // Recalls search by barcode and by the donor's lot number.
    await queryRunner.query('CREATE INDEX offer_items_gtin_idx ON offer_items (gtin) WHERE gtin IS NOT NULL');
    await queryRunner.query('CREATE INDEX offer_items_lot_idx ON offer_items (lot_number) WHERE lot_number IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
        recipient_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        created_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('CONFIRMED','CANCELLED','COLLECTED','DELIVERED','REFUSED')),
        -- The Paris calendar day of the pickup: capacity is declared per temperature class per day.
        pickup_day date NOT NULL,
        total_kg numeric(12, 3) NOT NULL CHECK (total_kg > 0),
        idempotency_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz NULL,
        cancellation_reason text NULL,
        CONSTRAINT claims_idempotency_unique UNIQUE (recipient_organization_id, idempotency_key)
      )`);
    await queryRunner.query('CREATE INDEX claims_offer_idx ON claims (offer_id)');
    await queryRunner.query("CREATE INDEX claims_recipient_day_idx ON claims (recipient_organization_id, pickup_day) WHERE status <> 'CANCELLED'");
    await queryRunner.query('CREATE INDEX claims_recipient_created_idx ON claims (recipient_organization_id, created_at DESC, id)');

    await queryRunner.query(`
      CREATE TABLE claim_lines (
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        offer_item_id uuid NOT NULL REFERENCES offer_items (id) ON DELETE RESTRICT,
        quantity_kg numeric(12, 3) NOT NULL CHECK (quantity_kg > 0),
        temperature text NOT NULL CHECK (temperature IN ('AMBIENT','CHILLED','FROZEN')),
        PRIMARY KEY (claim_id, offer_item_id)
      )`);
    await queryRunner.query('CREATE INDEX claim_lines_item_idx ON claim_lines (offer_item_id)');

    // At most one notice per recipient per offer, whatever retries or cascade circles do.
    await queryRunner.query(`
      CREATE TABLE offer_notifications (
        offer_id uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
        recipient_organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        circle integer NOT NULL CHECK (circle >= 1),
        rank integer NOT NULL CHECK (rank >= 1),
        score double precision NOT NULL,
        notified_at timestamptz NOT NULL DEFAULT now(),
        email_sent_at timestamptz NULL,
        PRIMARY KEY (offer_id, recipient_organization_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE offer_notifications');
    await queryRunner.query('DROP TABLE claim_lines');
    await queryRunner.query('DROP TABLE claims');
    await queryRunner.query('DROP TABLE offer_items');
    await queryRunner.query('DROP TABLE offers');
  }
}
