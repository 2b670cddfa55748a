/**
 * The live map's reads. $1..$4 the box (west, south, east, north) in degrees.
 *
 * The index test (`&&` against the box as geography, on offers_open_location_gix and
 * sites_location_gix) uses a box padded by PAD degrees: a geography envelope has great-circle edges,
 * which bow poleward between the corners, so points near its equator-side edge could fall outside
 * it (about 0.03° for a 5° box at French latitudes). The exact test is then the plain
 * longitude/latitude rectangle a map client means, on the few rows the index returned.
 */
export const MAP_BBOX_PAD_DEGREES = 0.1;

const PADDED_ENVELOPE = `ST_MakeEnvelope(greatest($1::float8 - ${MAP_BBOX_PAD_DEGREES}, -180), greatest($2::float8 - ${MAP_BBOX_PAD_DEGREES}, -90),
  least($3::float8 + ${MAP_BBOX_PAD_DEGREES}, 180), least($4::float8 + ${MAP_BBOX_PAD_DEGREES}, 90), 4326)::geography`;

function insideBox(column: string): string {
  return `ST_X(${column}::geometry) BETWEEN $1::float8 AND $3::float8 AND ST_Y(${column}::geometry) BETWEEN $2::float8 AND $4::float8`;
}

/**
 * $5 now, $6 limit. Open offers (the status test repeats the partial index's predicate word for
 * word) of verified donors whose window is not over, soonest end first; temperature classes of the
 * items with kg left.
 */
export const MAP_OPEN_OFFERS_SQL = `
SELECT o.id, o.title, o.status, o.total_kg::float8 AS total_kg, o.remaining_kg::float8 AS remaining_kg,
  o.pickup_from, o.pickup_until, o.donor_organization_id, d.name AS donor_name,
  ST_X(o.location::geometry) AS longitude, ST_Y(o.location::geometry) AS latitude,
  ARRAY(SELECT DISTINCT i.temperature FROM offer_items i WHERE i.offer_id = o.id AND i.remaining_kg > 0) AS temperatures
FROM offers o
JOIN organizations d ON d.id = o.donor_organization_id
WHERE o.status IN ('PUBLISHED','PARTIALLY_CLAIMED') AND d.verified_at IS NOT NULL AND o.location && ${PADDED_ENVELOPE}
  AND ${insideBox('o.location')} AND o.pickup_until > $5
ORDER BY o.pickup_until, o.id
LIMIT $6`;

/** $5 limit. Verified recipient organisations' sites: public facts only, never the profile. */
export const MAP_RECIPIENT_SITES_SQL = `
SELECT s.id AS site_id, s.name AS site_name, org.id AS organization_id, org.name AS organization_name, org.kind,
  org.verified_at IS NOT NULL AS verified,
  ST_X(s.location::geometry) AS longitude, ST_Y(s.location::geometry) AS latitude
FROM sites s
JOIN organizations org ON org.id = s.organization_id
WHERE org.kind = 'RECIPIENT' AND org.verified_at IS NOT NULL AND s.location && ${PADDED_ENVELOPE} AND ${insideBox('s.location')}
ORDER BY s.id
LIMIT $5`;
