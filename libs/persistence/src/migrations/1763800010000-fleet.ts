import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recipient's vehicles, its drivers' weekly availability and their absences, and each person's
 * calendar-feed secret (hashed). Checks repeat the domain's rules a planner's query could rely on
 * (a positive payload, whole boxes, an absence that ends on or after its start), so a row written by
 * hand or by a future bug cannot break planning. Availability rows hang off the membership: a driver
 * who leaves the organisation takes their availability with them.
 */
export class Fleet1763800010000 implements MigrationInterface {
  name = 'Fleet1763800010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vehicles (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT vehicles_name_check CHECK (char_length(name) BETWEEN 1 AND 80),
        capacity_kg numeric(12, 3) NOT NULL CONSTRAINT vehicles_capacity_check CHECK (capacity_kg > 0 AND capacity_kg <= 25000),
        refrigerated boolean NOT NULL,
        insulated_boxes integer NOT NULL CONSTRAINT vehicles_insulated_boxes_check CHECK (insulated_boxes BETWEEN 0 AND 100),
        insulated_box_max_minutes integer NULL CONSTRAINT vehicles_insulated_box_minutes_check
          CHECK (insulated_box_max_minutes IS NULL OR (insulated_box_max_minutes BETWEEN 1 AND 720 AND insulated_boxes > 0)),
        retired_at timestamptz(3) NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX vehicles_organization_idx ON vehicles (organization_id, name)');

    await queryRunner.query(`
      CREATE TABLE driver_weekly_availabilities (
        organization_id uuid NOT NULL,
        user_id uuid NOT NULL,
        weekly jsonb NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT driver_weekly_availabilities_pkey PRIMARY KEY (organization_id, user_id),
        CONSTRAINT driver_weekly_availabilities_membership_fkey FOREIGN KEY (organization_id, user_id)
          REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE driver_absences (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        user_id uuid NOT NULL,
        from_day date NOT NULL,
        to_day date NOT NULL,
        created_at timestamptz(3) NOT NULL,
        CONSTRAINT driver_absences_order_check CHECK (to_day >= from_day),
        CONSTRAINT driver_absences_membership_fkey FOREIGN KEY (organization_id, user_id)
          REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
      )`);
    await queryRunner.query('CREATE INDEX driver_absences_driver_idx ON driver_absences (organization_id, user_id, to_day)');

    await queryRunner.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT calendar_feeds_token_hash_key UNIQUE,
        issued_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_feeds');
    await queryRunner.query('DROP TABLE driver_absences');
    await queryRunner.query('DROP TABLE driver_weekly_availabilities');
    await queryRunner.query('DROP TABLE vehicles');
  }
}
