import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, their members and pending invitations, their sites (PostGIS geography with a
 * GiST index, for "recipients within N km") and recipients' profiles. Checks repeat the domain's
 * rules that a query could rely on (kinds, roles, non-negative capacities, radius), so a row written
 * by hand or by a future bug cannot break matching. Runs after the accounts migration (users).
 */
export class Organizations1763800002000 implements MigrationInterface {
  name = 'Organizations1763800002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        kind text NOT NULL CONSTRAINT organizations_kind_check CHECK (kind IN ('DONOR', 'RECIPIENT')),
        name text NOT NULL,
        legal_id text NOT NULL CONSTRAINT organizations_legal_id_key UNIQUE,
        legal_id_kind text NOT NULL CONSTRAINT organizations_legal_id_kind_check CHECK (legal_id_kind IN ('SIRET', 'RNA')),
        habilitation_reference text NULL,
        verified_at timestamptz NULL,
        verified_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_donor_siret_check CHECK (kind = 'RECIPIENT' OR legal_id_kind = 'SIRET')
      )`);

    // timestamptz(3): members are paged on (created_at, user_id), and a JavaScript Date holds milliseconds.
    await queryRunner.query(`
      CREATE TABLE memberships (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT memberships_role_check CHECK (role IN ('ADMIN', 'STAFF', 'DRIVER')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT memberships_pkey PRIMARY KEY (organization_id, user_id)
      )`);
    await queryRunner.query('CREATE INDEX memberships_user_id_idx ON memberships (user_id)');
    await queryRunner.query('CREATE INDEX memberships_page_idx ON memberships (organization_id, created_at, user_id)');

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CONSTRAINT invitations_role_check CHECK (role IN ('ADMIN', 'STAFF', 'DRIVER')),
        invited_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz NULL,
        accepted_by uuid NULL REFERENCES users (id) ON DELETE SET NULL
      )`);
    // One pending invitation per organisation and address; accepted ones stay as history.
    await queryRunner.query('CREATE UNIQUE INDEX invitations_pending_key ON invitations (organization_id, email) WHERE accepted_at IS NULL');
    await queryRunner.query('CREATE INDEX invitations_pending_email_idx ON invitations (email) WHERE accepted_at IS NULL');

    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name text NOT NULL,
        address text NOT NULL,
        location geography(Point, 4326) NOT NULL,
        opening_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
        closures jsonb NOT NULL DEFAULT '[]'::jsonb,
        access_instructions text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX sites_location_gix ON sites USING GIST (location)');
    await queryRunner.query('CREATE INDEX sites_organization_id_idx ON sites (organization_id, created_at)');

    // One column per temperature class: the classes are fixed by food-safety rules, and matching
    // reads "free chilled kg" directly.
    await queryRunner.query(`
      CREATE TABLE recipient_profiles (
        organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
        accepted_categories text[] NOT NULL CONSTRAINT recipient_profiles_categories_check CHECK (cardinality(accepted_categories) > 0),
        ambient_capacity_kg double precision NOT NULL DEFAULT 0 CONSTRAINT recipient_profiles_ambient_check CHECK (ambient_capacity_kg >= 0),
        chilled_capacity_kg double precision NOT NULL DEFAULT 0 CONSTRAINT recipient_profiles_chilled_check CHECK (chilled_capacity_kg >= 0),
        frozen_capacity_kg double precision NOT NULL DEFAULT 0 CONSTRAINT recipient_profiles_frozen_check CHECK (frozen_capacity_kg >= 0),
        service_radius_km double precision NOT NULL CONSTRAINT recipient_profiles_radius_check CHECK (service_radius_km > 0 AND service_radius_km <= 300),
        dlc_margin_hours integer NOT NULL CONSTRAINT recipient_profiles_dlc_margin_check CHECK (dlc_margin_hours >= 0),
        redistributes_faster boolean NOT NULL DEFAULT false,
        people_per_week integer NOT NULL DEFAULT 0 CONSTRAINT recipient_profiles_people_check CHECK (people_per_week >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recipient_profiles_margin_needs_fast_check CHECK (dlc_margin_hours >= 48 OR redistributes_faster)
      )`);
    await queryRunner.query('CREATE INDEX recipient_profiles_categories_gin ON recipient_profiles USING GIN (accepted_categories)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE recipient_profiles');
    await queryRunner.query('DROP TABLE sites');
    await queryRunner.query('DROP TABLE invitations');
    await queryRunner.query('DROP TABLE memberships');
    await queryRunner.query('DROP TABLE organizations');
  }
}
