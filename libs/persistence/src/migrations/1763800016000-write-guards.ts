import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two functions that let a unit of work's writes go as one statement without a transaction around
 * them (UnitOfWork's `optimistic` option), all or nothing:
 *
 * - glane_expect_rows raises (SQLSTATE GLW01, "write <n> ...") when a write returned another number
 *   of rows than it must: the statement, and so everything it wrote, is rolled back.
 * - claim_fits_capacity takes the advisory lock of a recipient's storage for one day and one class
 *   at a time (in class order, so two claims never wait on each other in a cycle), then sums what
 *   its claims that hold goods take (the view claims_holding_goods) against what it declared. A
 *   PL/pgSQL function's statements each read a fresh snapshot, so the sum sees every claim committed
 *   while it waited for the lock, even when it is called from inside a bigger statement.
 */
export class WriteGuards1763800016000 implements MigrationInterface {
  name = 'WriteGuards1763800016000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION glane_expect_rows(write_index int, actual bigint, expected bigint) RETURNS bigint LANGUAGE plpgsql AS $$
      BEGIN
        IF actual <> expected THEN
          RAISE EXCEPTION 'write % returned % rows, % expected', write_index, actual, expected USING ERRCODE = 'GLW01';
        END IF;
        RETURN actual;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION claim_fits_capacity(recipient uuid, day text, temperatures text[], wanted numeric[], declared numeric[])
      RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        position int;
        held numeric;
      BEGIN
        FOR position IN SELECT p FROM generate_subscripts(temperatures, 1) AS p ORDER BY temperatures[p] LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended(recipient::text || '/' || day || '/' || temperatures[position], 0));
        END LOOP;
        FOR position IN 1 .. coalesce(cardinality(temperatures), 0) LOOP
          SELECT coalesce(sum(l.quantity_kg), 0) INTO held
            FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
           WHERE c.recipient_organization_id = recipient AND c.pickup_day = day::date AND l.temperature = temperatures[position];
          IF held + wanted[position] > declared[position] THEN
            RETURN false;
          END IF;
        END LOOP;
        RETURN true;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION claim_fits_capacity(uuid, text, text[], numeric[], numeric[])');
    await queryRunner.query('DROP FUNCTION glane_expect_rows(int, bigint, bigint)');
  }
}
