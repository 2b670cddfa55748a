/**
 * The SQL behind matching, kept as plain text so the latency benchmark runs exactly these
 * statements through bare `pg` as its baseline.
 */

/** $1 offer id. The offer and every item, items in their order. */
export const OFFER_FOR_MATCHING_SQL = `
SELECT o.id, o.donor_organization_id, o.site_id, o.status, o.pickup_from, o.pickup_until,
  COALESCE(json_agg(json_build_object(
    'id', i.id, 'category', i.category, 'remainingKg', i.remaining_kg::float8,
    'temperature', i.temperature, 'dateKind', i.date_kind, 'date', i.date::text
  ) ORDER BY i.position) FILTER (WHERE i.id IS NOT NULL), '[]') AS items
FROM offers o
LEFT JOIN offer_items i ON i.offer_id = o.id
WHERE o.id = $1
GROUP BY o.id`;

/**
 * Recipient sites an offer may go to. $1 offer id, $2 the offer's categories with their ancestors
 * (a recipient accepting FOOD.DAIRY takes FOOD.DAIRY.CHEESE: accepted ∩ (codes ∪ ancestors) ≠ ∅),
 * $3 today (Paris), $4 and $5 the first and last Paris day of the pickup window.
 *
 * The spatial pre-filter is one GiST lookup: the service areas (recipient_service_areas, each
 * site's own radius around it, kept by triggers) whose box holds the offer's point; each
 * recipient's exact radius is then applied with glane_within_km to the few rows the index
 * returns (the area row carries the site's point and the radius, so nothing sends the planner back
 * to the sites index with a per-row distance). Distances are glane_distance_km / glane_within_km,
 * the one distance of the application (the sphere, like the domain's haversine): the test and the
 * figure shown agree, here and in allocation.
 *
 * Only verified recipients with a profile, an accepted category ($2), storage declared in one of
 * the offer's temperature classes ($6) and receiving hours on one of the weekdays the window
 * spans ($7, ISO) come back: cheap, coarse tests that only ever let through more than the engine
 * keeps (the engine decides free storage on the day and hours that overlap). Per row: the kg
 * received over the last 28 days (fairness) and the kg already claimed per day and class over the
 * window (capacity), both from the view claims_holding_goods (the one rule for which claims hold
 * goods) on its partial index claims_holding_recipient_day_idx.
 */
export const CANDIDATES_FOR_OFFER_STATEMENT = 'glane_matching_candidates_for_offer';
export const CANDIDATES_FOR_OFFER_SQL = `
WITH target AS (SELECT o.location FROM offers o WHERE o.id = $1)
SELECT s.id AS site_id, s.organization_id, s.opening_hours::text AS opening_hours, s.closures::text AS closures,
  glane_distance_km(area.location, target.location) AS distance_km,
  rp.accepted_categories, rp.ambient_capacity_kg, rp.chilled_capacity_kg, rp.frozen_capacity_kg,
  rp.service_radius_km, rp.dlc_margin_hours, rp.people_per_week,
  (SELECT COALESCE(sum(c.total_kg), 0)::float8 FROM claims_holding_goods c
    WHERE c.recipient_organization_id = area.organization_id
      AND c.pickup_day > $3::date - 28) AS received_kg,
  (SELECT json_agg(json_build_array(d.pickup_day, d.temperature, d.kg)) FROM (
      SELECT c.pickup_day::text AS pickup_day, l.temperature, sum(l.quantity_kg)::float8 AS kg
      FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
      WHERE c.recipient_organization_id = area.organization_id
        AND c.pickup_day BETWEEN $4::date AND $5::date
      GROUP BY 1, 2) d) AS claimed
FROM target
JOIN recipient_service_areas area ON area.reach && target.location
JOIN sites s ON s.id = area.site_id
JOIN recipient_profiles rp ON rp.organization_id = area.organization_id
JOIN organizations org ON org.id = area.organization_id
WHERE org.kind = 'RECIPIENT' AND org.verified_at IS NOT NULL
  AND rp.accepted_categories && $2::text[]
  AND glane_within_km(area.location, target.location, area.radius_m / 1000.0)
  AND ((rp.ambient_capacity_kg > 0 AND 'AMBIENT' = ANY($6::text[]))
    OR (rp.chilled_capacity_kg > 0 AND 'CHILLED' = ANY($6::text[]))
    OR (rp.frozen_capacity_kg > 0 AND 'FROZEN' = ANY($6::text[])))
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.opening_hours) AS day
    WHERE (day->>'weekday')::int = ANY($7::int[]) AND jsonb_array_length(day->'intervals') > 0)`;

/**
 * What a claim is judged on: the sites of one recipient organisation ($2) within its own service
 * radius of the offer ($1), with its profile, when it is a verified recipient. No coarse filter:
 * the engine judges this one recipient on everything else and says why it refuses, and a claim
 * neither ranks recipients (fairness) nor reads storage here (it sums it again under its lock).
 */
export const RECIPIENT_SITES_FOR_OFFER_SQL = `
SELECT s.id AS site_id, s.organization_id, s.opening_hours::text AS opening_hours, s.closures::text AS closures,
  glane_distance_km(area.location, o.location) AS distance_km,
  rp.accepted_categories, rp.ambient_capacity_kg, rp.chilled_capacity_kg, rp.frozen_capacity_kg,
  rp.service_radius_km, rp.dlc_margin_hours, rp.people_per_week, 0::float8 AS received_kg
FROM offers o
JOIN recipient_service_areas area ON area.organization_id = $2::uuid AND glane_within_km(area.location, o.location, area.radius_m / 1000.0)
JOIN sites s ON s.id = area.site_id
JOIN recipient_profiles rp ON rp.organization_id = area.organization_id
JOIN organizations org ON org.id = area.organization_id
WHERE o.id = $1::uuid AND org.kind = 'RECIPIENT' AND org.verified_at IS NOT NULL`;
