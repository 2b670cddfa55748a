import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One distance for the whole application: great-circle kilometres on the sphere whose radius is the
 * WGS 84 mean radius (PostGIS's sphere for geography with use_spheroid false, 6 371 008.8 m), the
 * same as the domain's haversineKm. Matching, allocation and offer lists all call these, so a
 * recipient is within reach, or at a given distance, the same way everywhere. Plain SQL functions
 * marked IMMUTABLE and without SET clauses are inlined by the planner: ST_DWithin still reaches the
 * GiST indexes.
 */
export class DistanceFunctions1763800007000 implements MigrationInterface {
  name = 'DistanceFunctions1763800007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION glane_distance_km(a geography, b geography) RETURNS double precision
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT ST_Distance(a, b, false) / 1000 $$`);
    await queryRunner.query(`
      CREATE FUNCTION glane_within_km(a geography, b geography, km double precision) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT ST_DWithin(a, b, km * 1000, false) $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION glane_within_km(geography, geography, double precision)');
    await queryRunner.query('DROP FUNCTION glane_distance_km(geography, geography)');
  }
}
