import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts prove their address before they can act: when it was proved, and the links that prove
 * it (their SHA-256 only, each usable once and until it expires).
 *
 * Accounts that exist now are marked verified as of their creation. They predate the rule: they
 * were made when no proof was asked, the invitations they accepted were accepted then, and locking
 * every person out in the middle of their work until they click an e-mail they never asked for
 * would stop the organisations that rely on them. Every account made from now on proves its address.
 */
export class EmailVerification1763800005000 implements MigrationInterface {
  name = 'EmailVerification1763800005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN email_verified_at timestamptz');
    await queryRunner.query('UPDATE users SET email_verified_at = created_at');

    await queryRunner.query(`
      CREATE TABLE email_verification_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- SHA-256 (hex) of the token the e-mailed link carries: the token itself is never stored.
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX email_verification_tokens_token_hash_key ON email_verification_tokens (token_hash)');
    // Using one link retires the account's others.
    await queryRunner.query('CREATE INDEX email_verification_tokens_user_id_idx ON email_verification_tokens (user_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE email_verification_tokens');
    await queryRunner.query('ALTER TABLE users DROP COLUMN email_verified_at');
  }
}
