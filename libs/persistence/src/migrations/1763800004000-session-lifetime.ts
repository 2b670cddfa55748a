import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions get an absolute lifetime: every refresh token carries when its session (its family)
 * started, copied on rotation, so the limit holds even after the family's first tokens are purged.
 */
export class SessionLifetime1763800004000 implements MigrationInterface {
  name = 'SessionLifetime1763800004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE refresh_tokens ADD COLUMN session_started_at timestamptz');
    await queryRunner.query(`
      UPDATE refresh_tokens t SET session_started_at = f.started
        FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
       WHERE f.family_id = t.family_id`);
    await queryRunner.query('ALTER TABLE refresh_tokens ALTER COLUMN session_started_at SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE refresh_tokens DROP COLUMN session_started_at');
  }
}
