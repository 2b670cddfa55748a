import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostGIS must exist before any geography column. Creating it needs a superuser, so the
 * provisioning script installs it in every database it creates; this keeps fresh databases
 * (a managed service, a new cluster) right too.
 */
export class EnablePostgis1763800000000 implements MigrationInterface {
  name = 'EnablePostgis1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS postgis');
  }

  async down(): Promise<void> {
    // Dropping PostGIS would take every spatial column of the database with it: deliberately not done.
  }
}
