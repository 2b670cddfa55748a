import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * claims_offer_idx (offer_id) answers nothing that claims_offer_created_idx (offer_id, created_at
 * DESC, id) does not: the longer index starts with the same column. Every claim paid for keeping
 * both.
 */
export class DropRedundantClaimsOfferIndex1763800016100 implements MigrationInterface {
  name = 'DropRedundantClaimsOfferIndex1763800016100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX claims_offer_idx');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX claims_offer_idx ON claims (offer_id)');
  }
}
