/**
 * The SQL behind a coordinator's allocation proposal. The area is "within $radius km of one of
 * the coordinator's sites", and every distance is glane_distance_km / glane_within_km (the sphere,
 * as matching and the domain measure it); both spatial joins start from the coordinator's few sites and run on the
 * GiST indexes (offers_open_location_gix, whose predicate the status test repeats word for word, and
 * sites_location_gix).
 */

/** $1 organisation id. */
export const COORDINATOR_SQL = `
SELECT org.id, org.kind, org.verified_at IS NOT NULL AS verified, rp.service_radius_km,
  (SELECT count(*)::int FROM sites s WHERE s.organization_id = org.id) AS site_count
FROM organizations org
LEFT JOIN recipient_profiles rp ON rp.organization_id = org.id
WHERE org.id = $1`;

/**
 * Open offers of the area: $1 coordinator id, $2 radius in km, $3 now, $4 and $5 the Paris day's
 * first instant and the first instant after it. The window must not be over and must touch the day.
 */
const AREA_OFFERS = `
SELECT DISTINCT o.id
FROM sites cs
JOIN offers o ON glane_within_km(o.location, cs.location, $2) AND o.status IN ('PUBLISHED','PARTIALLY_CLAIMED')
WHERE cs.organization_id = $1 AND o.pickup_until > $3 AND o.pickup_from < $5 AND o.pickup_until > $4 AND o.remaining_kg > 0`;

/** Sites of the area's verified recipients with a profile: $1 coordinator id, $2 radius in km. */
const AREA_RECIPIENT_SITES = `
SELECT DISTINCT s.id, s.organization_id
FROM sites cs
JOIN sites s ON glane_within_km(s.location, cs.location, $2)
JOIN organizations org ON org.id = s.organization_id
JOIN recipient_profiles rp ON rp.organization_id = s.organization_id
WHERE cs.organization_id = $1 AND org.kind = 'RECIPIENT' AND org.verified_at IS NOT NULL`;

/** Parameters as AREA_OFFERS. */
export const COUNT_CANDIDATES_SQL = `
WITH area_offers AS (${AREA_OFFERS}),
area_sites AS (${AREA_RECIPIENT_SITES})
SELECT
  (SELECT count(*)::int FROM offer_items i JOIN area_offers ao ON ao.id = i.offer_id WHERE i.remaining_kg > 0) AS items,
  (SELECT count(DISTINCT organization_id)::int FROM area_sites) AS recipients`;

/** Parameters as AREA_OFFERS. Offers with their items that still have kg, oldest posted first. */
export const AREA_OFFERS_SQL = `
WITH area_offers AS (${AREA_OFFERS})
SELECT o.id, o.donor_organization_id, o.pickup_from, o.pickup_until,
  ST_Y(o.location::geometry) AS latitude, ST_X(o.location::geometry) AS longitude,
  (SELECT json_agg(json_build_object(
      'id', i.id, 'category', i.category, 'remainingKg', i.remaining_kg::float8,
      'temperature', i.temperature, 'dateKind', i.date_kind, 'date', i.date::text
    ) ORDER BY i.position) FROM offer_items i WHERE i.offer_id = o.id AND i.remaining_kg > 0) AS items
FROM area_offers ao
JOIN offers o ON o.id = ao.id
ORDER BY o.created_at, o.id`;

/**
 * $1 coordinator id, $2 radius in km, $3 the Paris day (date). The area's recipients, their
 * profile, their sites in the area, and the kg per class they already claimed that day (the view
 * claims_holding_goods, on its partial index).
 */
export const AREA_RECIPIENTS_SQL = `
WITH area_sites AS (${AREA_RECIPIENT_SITES})
SELECT org.id, rp.accepted_categories, rp.ambient_capacity_kg, rp.chilled_capacity_kg, rp.frozen_capacity_kg,
  rp.service_radius_km, rp.dlc_margin_hours,
  (SELECT json_agg(json_build_object(
      'siteId', s.id, 'latitude', ST_Y(s.location::geometry), 'longitude', ST_X(s.location::geometry),
      'openingHours', s.opening_hours::text, 'closures', s.closures::text
    ) ORDER BY s.created_at, s.id)
    FROM area_sites a JOIN sites s ON s.id = a.id WHERE a.organization_id = org.id) AS sites,
  (SELECT json_agg(json_build_array(d.temperature, d.kg)) FROM (
      SELECT l.temperature, sum(l.quantity_kg)::float8 AS kg
      FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
      WHERE c.recipient_organization_id = org.id AND c.pickup_day = $3::date
      GROUP BY 1) d) AS claimed
FROM (SELECT DISTINCT organization_id FROM area_sites) r
JOIN organizations org ON org.id = r.organization_id
JOIN recipient_profiles rp ON rp.organization_id = org.id
ORDER BY org.created_at, org.id`;

/**
 * $1 offer ids, $2 recipient site ids: every pair where the site is within its organisation's own
 * service radius of the offer. The index join uses the largest radius declared (an init plan, a
 * constant to the planner); each recipient's radius is applied to the few rows it returns.
 */
export const PAIR_DISTANCES_SQL = `
SELECT o.id AS offer_id, s.organization_id, s.id AS site_id, glane_distance_km(s.location, o.location) AS distance_km
FROM offers o
JOIN sites s ON glane_within_km(s.location, o.location, (SELECT max(p.service_radius_km) FROM recipient_profiles p))
JOIN recipient_profiles rp ON rp.organization_id = s.organization_id
WHERE o.id = ANY($1::uuid[]) AND s.id = ANY($2::uuid[]) AND glane_within_km(s.location, o.location, rp.service_radius_km)`;
