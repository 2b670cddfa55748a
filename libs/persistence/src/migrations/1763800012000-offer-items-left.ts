import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is left of each offer's items, summed up on the offer's own row: kg left per temperature
 * class and of which use-by (DLC) items, the first and last end of a DLC among them (the last
 * millisecond of the DLC day in Paris, as the domain's dlcEnd; -infinity for a DLC item without a
 * date, which never passes), and the categories left, alone and with their ancestors.
 *
 * Why: claimableOffers bounds the matching score of every open offer around a recipient on each page
 * (libs/matching, match-score-bound.policy.ts, which defines this summary as summarizeOfferItems).
 * Reading three item rows per offer for thousands of offers cost more than the whole page may; these
 * columns come with the offer row the spatial index scan reads anyway.
 *
 * Kept by statement-level triggers on offer_items, in the transaction of the change, whoever writes
 * the items (the offer repository, a claim, a script): nothing else writes these columns.
 */
export class OfferItemsLeft1763800012000 implements MigrationInterface {
  name = 'OfferItemsLeft1763800012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offers
        ADD COLUMN left_ambient_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_chilled_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_frozen_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_ambient_dlc_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_chilled_dlc_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_frozen_dlc_kg double precision NOT NULL DEFAULT 0,
        ADD COLUMN left_first_dlc_end timestamptz NULL,
        ADD COLUMN left_last_dlc_end timestamptz NULL,
        ADD COLUMN left_categories text[] NOT NULL DEFAULT '{}',
        ADD COLUMN left_category_paths text[] NOT NULL DEFAULT '{}'`);

    await queryRunner.query(`
      CREATE FUNCTION refresh_offer_items_left(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE offers o SET
          left_ambient_kg = s.ambient_kg, left_chilled_kg = s.chilled_kg, left_frozen_kg = s.frozen_kg,
          left_ambient_dlc_kg = s.ambient_dlc_kg, left_chilled_dlc_kg = s.chilled_dlc_kg, left_frozen_dlc_kg = s.frozen_dlc_kg,
          left_first_dlc_end = s.first_dlc_end, left_last_dlc_end = s.last_dlc_end,
          left_categories = s.categories, left_category_paths = s.category_paths
        FROM (
          SELECT t.id,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'AMBIENT'), 0)::float8 AS ambient_kg,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'CHILLED'), 0)::float8 AS chilled_kg,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'FROZEN'), 0)::float8 AS frozen_kg,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'AMBIENT' AND i.date_kind = 'DLC'), 0)::float8 AS ambient_dlc_kg,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'CHILLED' AND i.date_kind = 'DLC'), 0)::float8 AS chilled_dlc_kg,
            coalesce(sum(i.remaining_kg) FILTER (WHERE i.temperature = 'FROZEN' AND i.date_kind = 'DLC'), 0)::float8 AS frozen_dlc_kg,
            min(dlc.end_at) AS first_dlc_end,
            max(dlc.end_at) AS last_dlc_end,
            coalesce(array_agg(DISTINCT i.category ORDER BY i.category) FILTER (WHERE i.id IS NOT NULL), '{}') AS categories,
            (SELECT coalesce(array_agg(DISTINCT array_to_string(parts[1:n], '.') ORDER BY array_to_string(parts[1:n], '.')), '{}')
               FROM offer_items p
               CROSS JOIN LATERAL string_to_array(p.category, '.') AS parts
               CROSS JOIN LATERAL generate_series(1, cardinality(parts)) AS n
              WHERE p.offer_id = t.id AND p.remaining_kg > 0) AS category_paths
          FROM unnest(ids) AS t (id)
          LEFT JOIN offer_items i ON i.offer_id = t.id AND i.remaining_kg > 0
          LEFT JOIN LATERAL (
            SELECT coalesce(((i.date + 1)::timestamp AT TIME ZONE 'Europe/Paris') - interval '1 millisecond', '-infinity') AS end_at
             WHERE i.date_kind = 'DLC') dlc ON true
          GROUP BY t.id
        ) s
        WHERE o.id = s.id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION offer_items_left_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_offer_items_left(ARRAY(SELECT DISTINCT offer_id FROM new_items));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM refresh_offer_items_left(ARRAY(SELECT offer_id FROM new_items UNION SELECT offer_id FROM old_items));
        ELSE
          PERFORM refresh_offer_items_left(ARRAY(SELECT DISTINCT offer_id FROM old_items));
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER offer_items_left_on_insert AFTER INSERT ON offer_items
      REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION offer_items_left_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER offer_items_left_on_update AFTER UPDATE ON offer_items
      REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION offer_items_left_on_change()`);
    await queryRunner.query(`
      CREATE TRIGGER offer_items_left_on_delete AFTER DELETE ON offer_items
      REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION offer_items_left_on_change()`);

    await queryRunner.query('SELECT refresh_offer_items_left(ARRAY(SELECT id FROM offers))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER offer_items_left_on_delete ON offer_items');
    await queryRunner.query('DROP TRIGGER offer_items_left_on_update ON offer_items');
    await queryRunner.query('DROP TRIGGER offer_items_left_on_insert ON offer_items');
    await queryRunner.query('DROP FUNCTION offer_items_left_on_change()');
    await queryRunner.query('DROP FUNCTION refresh_offer_items_left(uuid[])');
    await queryRunner.query(`
      ALTER TABLE offers
        DROP COLUMN left_ambient_kg, DROP COLUMN left_chilled_kg, DROP COLUMN left_frozen_kg,
        DROP COLUMN left_ambient_dlc_kg, DROP COLUMN left_chilled_dlc_kg, DROP COLUMN left_frozen_dlc_kg,
        DROP COLUMN left_first_dlc_end, DROP COLUMN left_last_dlc_end,
        DROP COLUMN left_categories, DROP COLUMN left_category_paths`);
  }
}
