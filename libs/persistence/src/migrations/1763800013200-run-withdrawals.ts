import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The drivers who gave a run back (withdrawFromRun): planning never gives it to them again. */
export class RunWithdrawals1763800013200 implements MigrationInterface {
  name = 'RunWithdrawals1763800013200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE runs ADD COLUMN withdrawn_driver_user_ids uuid[] NOT NULL DEFAULT '{}'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE runs DROP COLUMN withdrawn_driver_user_ids');
  }
}
