import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and their refresh tokens. */
export class Accounts1763800001000 implements MigrationInterface {
  name = 'Accounts1763800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        platform_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The application stores addresses trimmed and lower-cased (parseEmail); with that guaranteed
        -- here, a plain unique index is as strict as a case-insensitive one, without citext.
        CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email)) AND char_length(email) BETWEEN 3 AND 254),
        CONSTRAINT users_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 100)
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX users_email_key ON users (email)');

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- SHA-256 (hex) of the opaque token: the token itself is never stored.
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Every refresh looks a token up by its hash; unique, so a collision could never pick the wrong row.
    await queryRunner.query('CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)');
    // Reuse detection and logout revoke a whole family; "sign out everywhere" and account deletion go by user.
    await queryRunner.query('CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id)');
    await queryRunner.query('CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE users');
  }
}
