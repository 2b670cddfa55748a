import type { ClaimableOfferCandidates, OfferCandidate } from '#application';
import { parisDayOf } from '#domain';
import { isUuid } from '../organizations/uuid';
import {
  toClaimedByDay,
  toMatchingOffer,
  toMatchingRecipient,
  type ClaimedTriple,
  type OfferRow,
  type ProfileColumns,
  type SiteColumns,
  type TimetableCache,
} from './match-candidate.mapper';
import { CLAIMABLE_OFFERS_SQL, CLAIMED_BY_DAY_SQL, RECIPIENT_FOR_MATCHING_SQL } from './match-candidate.sql';

type RecipientRow = ProfileColumns & { readonly id: string; readonly verified: boolean };
type ClaimableRow = SiteColumns & Omit<OfferRow, 'site_id'> & { readonly offer_site_id: string };
interface ClaimedRow {
  readonly pickup_day: string;
  readonly temperature: string;
  readonly kg: number;
}

/** Runs one SQL statement with positional parameters and gives its rows (TypeORM's query(), or pg's). */
export type RowQuery = <T>(sql: string, parameters: unknown[]) => Promise<T[]>;

/**
 * A recipient's profile and the open offers within its radius of one of its sites, with the kg it
 * already has claimed on their pickup days: the statements and the mapping of
 * MatchCandidateFinder.claimableFor, over any client, so that the API benchmark's bare server runs
 * exactly them through `pg`.
 */
export async function loadClaimableCandidates(
  query: RowQuery,
  timetables: TimetableCache,
  organizationId: string,
  now: Date,
): Promise<ClaimableOfferCandidates | undefined> {
  if (!isUuid(organizationId)) return undefined;
  const [profile] = await query<RecipientRow>(RECIPIENT_FOR_MATCHING_SQL, [organizationId, parisDayOf(now)]);
  if (profile === undefined) return undefined;
  const rows = await query<ClaimableRow>(CLAIMABLE_OFFERS_SQL, [organizationId, Number(profile.service_radius_km), now, profile.accepted_categories]);
  let firstDay: string | undefined;
  let lastDay: string | undefined;
  const offers: OfferCandidate[] = rows.map((row) => {
    const offer = toMatchingOffer({ ...row, site_id: row.offer_site_id });
    const from = parisDayOf(offer.pickupFrom);
    const until = parisDayOf(offer.pickupUntil);
    if (firstDay === undefined || from < firstDay) firstDay = from;
    if (lastDay === undefined || until > lastDay) lastDay = until;
    return { offer, site: timetables.site(row), distanceKm: Number(row.distance_km) };
  });
  const claimed = firstDay === undefined || lastDay === undefined ? [] : await query<ClaimedRow>(CLAIMED_BY_DAY_SQL, [organizationId, firstDay, lastDay]);
  const claimedKgByDay = toClaimedByDay(claimed.map((row): ClaimedTriple => [row.pickup_day, row.temperature, row.kg]));
  return { recipient: toMatchingRecipient(profile.id, profile.verified, profile, claimedKgByDay), offers };
}
