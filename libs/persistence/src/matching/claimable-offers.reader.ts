import type {
  BoundedCandidate,
  BoundedCandidatesRequest,
  ClaimableOfferCandidates,
  ClaimableOffersSnapshot,
  MatchingRecipient,
  OfferCandidate,
} from '#application';
import { addCalendarDays, MAX_PICKUP_WINDOW_DAYS, parisDayOf, startOfParisDay, type CalendarDay } from '#domain';
import { isUuid } from '../organizations/uuid';
import {
  CLAIMABLE_BOUNDS_SQL,
  CLAIMABLE_BOUNDS_STATEMENT,
  CLAIMABLE_OFFERS_BY_ID_SQL,
  CLAIMABLE_OFFERS_BY_ID_STATEMENT,
  CLAIMED_BY_DAY_SQL,
  RECIPIENT_FOR_MATCHING_SQL,
} from './claimable-offers.sql';
import {
  acceptedCategoryClosure,
  toClaimedByDay,
  toMatchingOffer,
  toMatchingRecipient,
  type ClaimedTriple,
  type OfferRow,
  type ProfileColumns,
  type SiteColumns,
  type TimetableCache,
} from './match-candidate.mapper';

/** One connection, as pg's client offers it (under TypeORM or bare): a named statement is planned once per connection. */
export interface SqlClient {
  query<T>(config: { readonly name?: string; readonly text: string; readonly values: unknown[] }): Promise<{ readonly rows: T[] }>;
}

type RecipientRow = ProfileColumns & { readonly id: string; readonly verified: boolean };
type OfferSiteRow = SiteColumns & Omit<OfferRow, 'site_id'> & { readonly offer_site_id: string };

interface BoundRow {
  readonly offer_id: string;
  readonly site_id: string;
  readonly upper_bound: number;
  readonly lower_bound: number;
}

interface ClaimedRow {
  readonly pickup_day: string;
  readonly temperature: string;
  readonly kg: number;
}

/**
 * From when the bounds count the recipient's claims: the pickup day is a Paris day within the
 * window, and the domain refuses a window longer than MAX_PICKUP_WINDOW_DAYS, so for an open offer
 * (its window ends after now) it is at most that many days back. One day more for good measure; an
 * offer whose window opens earlier still (stored by hand) is bounded as if no storage were surely free.
 */
export function claimsCountedFrom(now: Date): { readonly day: CalendarDay; readonly since: Date } {
  const day = addCalendarDays(parisDayOf(now), -(MAX_PICKUP_WINDOW_DAYS + 1));
  return { day, since: startOfParisDay(day) };
}

/**
 * claimableOffers' reads for one recipient, over one connection and in one read-only REPEATABLE READ
 * snapshot: the bounds the paging trusts and the offers the engine ranks describe the same state of
 * the database, whatever is claimed or published meanwhile. Runs `read` and gives its result, or
 * undefined when the organisation is not a recipient with a profile. SqlMatchCandidateFinder and the
 * API benchmark's bare server both run it, so both send exactly these statements. Inside a
 * transaction the caller already holds (`ownTransaction: false`), that transaction is the snapshot.
 */
export async function readClaimableOffers<T>(
  client: SqlClient,
  timetables: TimetableCache,
  organizationId: string,
  now: Date,
  read: (snapshot: ClaimableOffersSnapshot) => Promise<T>,
  options: { readonly ownTransaction: boolean } = { ownTransaction: true },
): Promise<T | undefined> {
  if (!isUuid(organizationId)) return undefined;
  if (!options.ownTransaction) return readIn(client, timetables, organizationId, now, read);
  await client.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', values: [] });
  try {
    const result = await readIn(client, timetables, organizationId, now, read);
    await client.query({ text: 'COMMIT', values: [] });
    return result;
  } catch (error) {
    // The read failed; ending the transaction must not hide why.
    await client.query({ text: 'ROLLBACK', values: [] }).catch(() => undefined);
    throw error;
  }
}

async function readIn<T>(
  client: SqlClient,
  timetables: TimetableCache,
  organizationId: string,
  now: Date,
  read: (snapshot: ClaimableOffersSnapshot) => Promise<T>,
): Promise<T | undefined> {
  const [profile] = (await client.query<RecipientRow>({ text: RECIPIENT_FOR_MATCHING_SQL, values: [organizationId, parisDayOf(now)] })).rows;
  if (profile === undefined) return undefined;
  const recipient = toMatchingRecipient(profile.id, profile.verified, profile, new Map());
  const closure = acceptedCategoryClosure(recipient.acceptedCategoryCodes);
  const claims = claimsCountedFrom(now);
  return read({
    recipient,
    boundedCandidates: async (request: BoundedCandidatesRequest): Promise<BoundedCandidate[]> => {
      const { terms } = request;
      const { rows } = await client.query<BoundRow>({
        name: CLAIMABLE_BOUNDS_STATEMENT,
        text: CLAIMABLE_BOUNDS_SQL,
        values: [
          organizationId,
          recipient.serviceRadiusKm,
          now,
          recipient.acceptedCategoryCodes,
          closure,
          recipient.dlcMarginHours,
          recipient.dailyCapacityKg.AMBIENT,
          recipient.dailyCapacityKg.CHILLED,
          recipient.dailyCapacityKg.FROZEN,
          terms.distanceWeight,
          terms.urgencyWeight,
          terms.capacityWeight,
          terms.fairnessPart,
          terms.urgencyHalfLifeHours,
          terms.kgEpsilon,
          request.skipLowerAbove,
          request.limit,
          request.offset,
          claims.since,
          claims.day,
        ],
      });
      return rows.map((row) => ({ offerId: row.offer_id, siteId: row.site_id, upper: Number(row.upper_bound), lower: Number(row.lower_bound) }));
    },
    candidates: (offerIds: readonly string[]) => loadCandidates(client, timetables, recipient, offerIds),
  });
}

/** The offers with the recipient's sites in reach of each, and the recipient with its claims on their days. */
async function loadCandidates(
  client: SqlClient,
  timetables: TimetableCache,
  recipient: MatchingRecipient,
  offerIds: readonly string[],
): Promise<ClaimableOfferCandidates> {
  const { rows } = await client.query<OfferSiteRow>({
    name: CLAIMABLE_OFFERS_BY_ID_STATEMENT,
    text: CLAIMABLE_OFFERS_BY_ID_SQL,
    values: [recipient.organizationId, recipient.serviceRadiusKm, offerIds],
  });
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
  const claimed =
    firstDay === undefined || lastDay === undefined
      ? []
      : (await client.query<ClaimedRow>({ text: CLAIMED_BY_DAY_SQL, values: [recipient.organizationId, firstDay, lastDay] })).rows;
  const claimedKgByDay = toClaimedByDay(claimed.map((row): ClaimedTriple => [row.pickup_day, row.temperature, row.kg]));
  return { recipient: { ...recipient, claimedKgByDay }, offers };
}
