import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statement as the earlier migration wrote it (a migration never reads another's code). */
const REFRESH = `
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
    WHERE o.id = s.id`;

/**
 * refresh_offer_items_left, unchanged in what it does, rewritten in PL/pgSQL: a LANGUAGE sql function
 * called from a trigger is planned again on every call, and its statement is big (about 0.4 ms of
 * planning, on every claim and every change of an offer's items); PL/pgSQL keeps the plan for the
 * session.
 */
export class OfferItemsLeftPlpgsql1763800015000 implements MigrationInterface {
  name = 'OfferItemsLeftPlpgsql1763800015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION refresh_offer_items_left(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN ${REFRESH}; END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION refresh_offer_items_left(ids uuid[]) RETURNS void LANGUAGE sql AS $$ ${REFRESH} $$`);
  }
}
