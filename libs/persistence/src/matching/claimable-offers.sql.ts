/**
 * The SQL of claimableOffers, kept as plain text so the API benchmark's bare server runs exactly
 * these statements through `pg`. A page reads, in one snapshot: the recipient (RECIPIENT_FOR_MATCHING_SQL),
 * the bounded candidates below, then the candidates it ranks (CLAIMABLE_OFFERS_BY_ID_SQL) and the kg
 * already claimed on their days (CLAIMED_BY_DAY_SQL).
 */

/** $1 organisation id, $2 today (Paris). The recipient, its profile and its 28-day history. */
export const RECIPIENT_FOR_MATCHING_SQL = `
SELECT org.id, org.verified_at IS NOT NULL AS verified,
  rp.accepted_categories, rp.ambient_capacity_kg, rp.chilled_capacity_kg, rp.frozen_capacity_kg,
  rp.service_radius_km, rp.dlc_margin_hours, rp.people_per_week,
  (SELECT COALESCE(sum(c.total_kg), 0)::float8 FROM claims_holding_goods c
    WHERE c.recipient_organization_id = org.id
      AND c.pickup_day > $2::date - 28) AS received_kg
FROM organizations org
JOIN recipient_profiles rp ON rp.organization_id = org.id
WHERE org.id = $1 AND org.kind = 'RECIPIENT'`;

/**
 * Every pair of an open offer within the recipient's radius of one of its sites (glane_within_km, the
 * status test repeating the partial GiST index offers_open_location_gix word for word) and that
 * site, with bounds of the engine's score for it: libs/matching matchScoreBounds, restated here
 * step for step over the summary of the offer's items the database keeps on the offer row (the
 * left_* columns of migration 1763800012000). Only pairs the recipient may claim come back (a
 * category left that it accepts, storage for what may pass), by upper bound descending, then offer
 * and site id: a stable order, read on with OFFSET. One pass over the offers in reach, no
 * materialisation: the subqueries with OFFSET 0 only make each step computed once per row.
 *
 * $1 organisation, $2 its radius (km), $3 now, $4 its accepted categories, $5 every taxonomy code
 * within them as the keys of a jsonb object (an offer's categories are all accepted when they are
 * all keys of it: `?&`), $6 its DLC margin (hours), $7 $8 $9 its declared storage (ambient, chilled,
 * frozen kg), $10–$15 the score's constants (ScoreBoundTerms: weights of distance, urgency and
 * capacity, the weighted fairness of the recipient, the urgency half-life in hours, the kg at or
 * below which a quantity is noise), $16 leave out pairs whose lower bound is above it (null: none),
 * $17 limit, $18 offset, $19 the first instant and $20 the Paris day from which claims are summed
 * (the least free storage of a class is the declared kg minus the most claimed of it on one of
 * those days, in claims_holding_goods, the one rule of which claims hold goods; an offer whose
 * window opens earlier has none surely free).
 */
export const CLAIMABLE_BOUNDS_STATEMENT = 'glane_claimable_bounds';
export const CLAIMABLE_BOUNDS_SQL = `
WITH most_claimed AS (
  SELECT d.temperature, max(d.kg) AS kg
  FROM (
    SELECT c.pickup_day, l.temperature, sum(l.quantity_kg)::float8 AS kg
    FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
    WHERE c.recipient_organization_id = $1 AND c.pickup_day >= $20::date
    GROUP BY 1, 2) d
  GROUP BY d.temperature
),
terms AS (
  SELECT
    greatest(0, $7::float8) AS ambient_most_free,
    greatest(0, $8::float8) AS chilled_most_free,
    greatest(0, $9::float8) AS frozen_most_free,
    greatest(0, $7::float8 - coalesce((SELECT m.kg FROM most_claimed m WHERE m.temperature = 'AMBIENT'), 0)) AS ambient_least_free,
    greatest(0, $8::float8 - coalesce((SELECT m.kg FROM most_claimed m WHERE m.temperature = 'CHILLED'), 0)) AS chilled_least_free,
    greatest(0, $9::float8 - coalesce((SELECT m.kg FROM most_claimed m WHERE m.temperature = 'FROZEN'), 0)) AS frozen_least_free,
    make_interval(secs => $6::float8 * 3600) - interval '1 millisecond' AS margin
)
SELECT offer_id, site_id, upper_bound, lower_bound
FROM (
  SELECT f.offer_id, f.site_id,
    greatest(0, least(1,
      $10::float8 * f.distance_factor
      + $11::float8 * (1 / (1 + greatest(0, date_part('epoch', f.earliest_deadline - $3) / 3600) / $14::float8))
      + $12::float8 * CASE WHEN f.offer_kg > 0 THEN greatest(0, least(1, f.absorbable_high / f.offer_kg)) ELSE 0 END
      + $13::float8)) AS upper_bound,
    greatest(0, least(1,
      $10::float8 * f.distance_factor
      + $11::float8 * (1 / (1 + greatest(0, date_part('epoch', f.latest_deadline - $3) / 3600) / $14::float8))
      + $12::float8 * CASE WHEN f.offer_kg > 0 THEN greatest(0, least(1, f.absorbable_low / f.offer_kg)) ELSE 0 END
      + $13::float8)) AS lower_bound
  FROM (
    SELECT k.offer_id, k.site_id, k.offer_kg, k.absorbable_high, k.absorbable_low,
      CASE WHEN $2::float8 > 0 THEN greatest(0, least(1, 1 - k.distance_km / $2::float8)) ELSE 0 END AS distance_factor,
      CASE WHEN k.dlc_surely_all_taken THEN k.first_dlc
           WHEN k.dlc_may_be_taken THEN least(k.pickup_until, greatest(k.first_dlc, k.pass_from))
           ELSE k.pickup_until END AS earliest_deadline,
      CASE WHEN k.dlc_surely_all_taken THEN k.first_dlc
           WHEN k.dlc_may_be_taken THEN greatest(k.pickup_until, k.last_dlc)
           ELSE k.pickup_until END AS latest_deadline
    FROM (
      SELECT c.offer_id, c.site_id, c.distance_km, c.pickup_until, c.pass_from, c.first_dlc, c.last_dlc,
        c.ambient_kg + c.chilled_kg + c.frozen_kg AS offer_kg,
        CASE WHEN c.ambient_may > 0 AND c.ambient_most_free > $15::float8 THEN least(c.ambient_may, c.ambient_most_free) ELSE 0 END
          + CASE WHEN c.chilled_may > 0 AND c.chilled_most_free > $15::float8 THEN least(c.chilled_may, c.chilled_most_free) ELSE 0 END
          + CASE WHEN c.frozen_may > 0 AND c.frozen_most_free > $15::float8 THEN least(c.frozen_may, c.frozen_most_free) ELSE 0 END AS absorbable_high,
        CASE WHEN c.ambient_sure > 0 AND c.ambient_least_free > $15::float8 THEN least(c.ambient_sure, c.ambient_least_free) ELSE 0 END
          + CASE WHEN c.chilled_sure > 0 AND c.chilled_least_free > $15::float8 THEN least(c.chilled_sure, c.chilled_least_free) ELSE 0 END
          + CASE WHEN c.frozen_sure > 0 AND c.frozen_least_free > $15::float8 THEN least(c.frozen_sure, c.frozen_least_free) ELSE 0 END AS absorbable_low,
        c.any_dlc_passes AND (
          (c.ambient_dlc_kg > 0 AND c.ambient_most_free > $15::float8)
          OR (c.chilled_dlc_kg > 0 AND c.chilled_most_free > $15::float8)
          OR (c.frozen_dlc_kg > 0 AND c.frozen_most_free > $15::float8)) AS dlc_may_be_taken,
        c.all_accepted AND c.first_dlc IS NOT NULL AND c.all_dlc_pass
          AND (c.ambient_dlc_kg <= 0 OR c.ambient_least_free > $15::float8)
          AND (c.chilled_dlc_kg <= 0 OR c.chilled_least_free > $15::float8)
          AND (c.frozen_dlc_kg <= 0 OR c.frozen_least_free > $15::float8) AS dlc_surely_all_taken
      FROM (
        SELECT p.*,
          p.ambient_kg - CASE WHEN p.any_dlc_passes THEN 0 ELSE p.ambient_dlc_kg END AS ambient_may,
          p.chilled_kg - CASE WHEN p.any_dlc_passes THEN 0 ELSE p.chilled_dlc_kg END AS chilled_may,
          p.frozen_kg - CASE WHEN p.any_dlc_passes THEN 0 ELSE p.frozen_dlc_kg END AS frozen_may,
          CASE WHEN p.all_accepted THEN p.ambient_kg - CASE WHEN p.all_dlc_pass THEN 0 ELSE p.ambient_dlc_kg END ELSE 0 END AS ambient_sure,
          CASE WHEN p.all_accepted THEN p.chilled_kg - CASE WHEN p.all_dlc_pass THEN 0 ELSE p.chilled_dlc_kg END ELSE 0 END AS chilled_sure,
          CASE WHEN p.all_accepted THEN p.frozen_kg - CASE WHEN p.all_dlc_pass THEN 0 ELSE p.frozen_dlc_kg END ELSE 0 END AS frozen_sure
        FROM (
          SELECT o.id AS offer_id, s.id AS site_id, o.pickup_until,
            glane_distance_km(s.location, o.location) AS distance_km,
            $5::jsonb ?& o.left_categories AS all_accepted,
            o.left_ambient_kg AS ambient_kg, o.left_chilled_kg AS chilled_kg, o.left_frozen_kg AS frozen_kg,
            o.left_ambient_dlc_kg AS ambient_dlc_kg, o.left_chilled_dlc_kg AS chilled_dlc_kg, o.left_frozen_dlc_kg AS frozen_dlc_kg,
            o.left_first_dlc_end AS first_dlc, o.left_last_dlc_end AS last_dlc,
            t.ambient_most_free, t.chilled_most_free, t.frozen_most_free,
            CASE WHEN o.pickup_from >= $19::timestamptz THEN t.ambient_least_free ELSE 0 END AS ambient_least_free,
            CASE WHEN o.pickup_from >= $19::timestamptz THEN t.chilled_least_free ELSE 0 END AS chilled_least_free,
            CASE WHEN o.pickup_from >= $19::timestamptz THEN t.frozen_least_free ELSE 0 END AS frozen_least_free,
            d.pass_from,
            o.left_first_dlc_end IS NULL OR o.left_first_dlc_end >= d.pass_from AS all_dlc_pass,
            coalesce(o.left_last_dlc_end >= d.pass_from, false) AS any_dlc_passes
          FROM terms t
          CROSS JOIN sites s
          JOIN offers o ON glane_within_km(o.location, s.location, $2) AND o.status IN ('PUBLISHED','PARTIALLY_CLAIMED')
          CROSS JOIN LATERAL (SELECT greatest($3::timestamptz, o.pickup_until + t.margin) AS pass_from) d
          WHERE s.organization_id = $1 AND o.pickup_until > $3 AND o.left_category_paths && $4::text[]
          OFFSET 0) p
        OFFSET 0) c
      OFFSET 0) k
    WHERE k.absorbable_high > 0
    OFFSET 0) f
) bounded
WHERE $16::float8 IS NULL OR lower_bound <= $16::float8
ORDER BY upper_bound DESC, offer_id, site_id
LIMIT $17 OFFSET $18`;

/**
 * The offers a page ranks ($3, ids), with the recipient's ($1) sites within its radius ($2) of each
 * and every item: what the engine needs. The same pairs as CLAIMABLE_BOUNDS_SQL, in the same snapshot.
 */
export const CLAIMABLE_OFFERS_BY_ID_STATEMENT = 'glane_claimable_offers_by_id';
export const CLAIMABLE_OFFERS_BY_ID_SQL = `
SELECT s.id AS site_id, s.organization_id, s.opening_hours::text AS opening_hours, s.closures::text AS closures,
  glane_distance_km(s.location, o.location) AS distance_km,
  o.id, o.donor_organization_id, o.site_id AS offer_site_id, o.status, o.pickup_from, o.pickup_until,
  (SELECT json_agg(json_build_object(
      'id', i.id, 'category', i.category, 'remainingKg', i.remaining_kg::float8,
      'temperature', i.temperature, 'dateKind', i.date_kind, 'date', i.date::text
    ) ORDER BY i.position) FROM offer_items i WHERE i.offer_id = o.id) AS items
FROM offers o
JOIN sites s ON s.organization_id = $1 AND glane_within_km(o.location, s.location, $2)
WHERE o.id = ANY($3::uuid[])`;

/** $1 organisation id, $2 and $3 first and last Paris day: kg already claimed per day and class. */
export const CLAIMED_BY_DAY_SQL = `
SELECT c.pickup_day::text AS pickup_day, l.temperature, sum(l.quantity_kg)::float8 AS kg
FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
WHERE c.recipient_organization_id = $1 AND c.pickup_day BETWEEN $2::date AND $3::date
GROUP BY 1, 2`;
