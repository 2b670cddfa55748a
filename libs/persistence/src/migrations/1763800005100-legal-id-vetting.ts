import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A legal id (SIRET or RNA) is unique among verified organisations only. Registering one that an
 * unverified organisation holds is allowed, so nobody can squat a business's SIRET before it
 * arrives, and the refusal cannot be used to learn which numbers are registered; the platform admin
 * sees the others holding the number when verifying, and at most one of them can be verified.
 */
export class LegalIdVetting1763800005100 implements MigrationInterface {
  name = 'LegalIdVetting1763800005100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organizations DROP CONSTRAINT organizations_legal_id_key');
    await queryRunner.query('CREATE UNIQUE INDEX organizations_verified_legal_id_key ON organizations (legal_id) WHERE verified_at IS NOT NULL');
    // Creation and vetting look organisations up by legal id.
    await queryRunner.query('CREATE INDEX organizations_legal_id_idx ON organizations (legal_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX organizations_legal_id_idx');
    await queryRunner.query('DROP INDEX organizations_verified_legal_id_key');
    await queryRunner.query('ALTER TABLE organizations ADD CONSTRAINT organizations_legal_id_key UNIQUE (legal_id)');
  }
}
