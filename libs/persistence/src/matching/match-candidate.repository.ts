import { Injectable } from '@nestjs/common';
import { MatchCandidateFinder, type ClaimableOfferCandidates, type MatchingOffer, type OfferCandidate, type SiteCandidate } from '#application';
import { parisDayOf } from '#domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';
import {
  candidateParameters,
  TimetableCache,
  toClaimedByDay,
  toMatchingOffer,
  toMatchingRecipient,
  type ClaimedTriple,
  type OfferRow,
  type ProfileColumns,
  type SiteColumns,
} from './match-candidate.mapper';
import {
  CANDIDATES_FOR_OFFER_SQL,
  CANDIDATES_FOR_OFFER_STATEMENT,
  CLAIMABLE_OFFERS_SQL,
  CLAIMED_BY_DAY_SQL,
  OFFER_FOR_MATCHING_SQL,
  RECIPIENT_FOR_MATCHING_SQL,
  RECIPIENT_SITES_FOR_OFFER_SQL,
  RECIPIENT_SITES_FOR_OFFER_STATEMENT,
} from './match-candidate.sql';

type CandidateRow = SiteColumns & ProfileColumns & { readonly claimed: ClaimedTriple[] | null };
type RecipientRow = ProfileColumns & { readonly id: string; readonly verified: boolean };
type ClaimableRow = SiteColumns & Omit<OfferRow, 'site_id'> & { readonly offer_site_id: string };
interface ClaimedRow {
  readonly pickup_day: string;
  readonly temperature: string;
  readonly kg: number;
}

/** What pg's client offers that TypeORM's query() does not: named (prepared) statements. */
interface PreparingClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/** PostGIS does the spatial pre-filter on its GiST indexes; see match-candidate.sql.ts. */
@Injectable()
export class SqlMatchCandidateFinder extends MatchCandidateFinder {
  private readonly timetables = new TimetableCache();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return currentManager(this.dataSource).query<T[]>(sql, parameters);
  }

  /**
   * The candidate query as a named prepared statement: PostgreSQL plans it once per connection
   * instead of on every call, which for a typical offer is most of its cost (about 1.5 ms of
   * planning against well under 1 ms of execution). Runs on the ambient transaction's connection
   * when there is one, like every other query here.
   */
  private async prepared<T>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    const manager = currentManager(this.dataSource);
    const runner = manager.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PreparingClient;
      return (await client.query<T>({ name, text: sql, values: parameters })).rows;
    } finally {
      if (manager.queryRunner === undefined) await runner.release();
    }
  }

  async findOffer(offerId: string): Promise<MatchingOffer | undefined> {
    if (!isUuid(offerId)) return undefined;
    const [row] = await this.query<OfferRow>(OFFER_FOR_MATCHING_SQL, [offerId]);
    return row === undefined ? undefined : toMatchingOffer(row);
  }

  async candidatesForOffer(offer: MatchingOffer, now: Date): Promise<SiteCandidate[]> {
    const parameters = candidateParameters(offer, now);
    if (parameters === undefined) return [];
    const rows = await this.prepared<CandidateRow>(CANDIDATES_FOR_OFFER_STATEMENT, CANDIDATES_FOR_OFFER_SQL, parameters);
    return rows.map((row) => ({
      // The query keeps verified recipients only.
      recipient: toMatchingRecipient(row.organization_id, true, row, toClaimedByDay(row.claimed)),
      site: this.timetables.site(row),
      distanceKm: Number(row.distance_km),
    }));
  }

  async recipientSitesForOffer(offer: MatchingOffer, organizationId: string, now: Date): Promise<SiteCandidate[]> {
    const parameters = candidateParameters(offer, now);
    if (parameters === undefined || !isUuid(organizationId)) return [];
    const rows = await this.prepared<CandidateRow>(RECIPIENT_SITES_FOR_OFFER_STATEMENT, RECIPIENT_SITES_FOR_OFFER_SQL, [...parameters, organizationId]);
    return rows.map((row) => ({
      recipient: toMatchingRecipient(row.organization_id, true, row, toClaimedByDay(row.claimed)),
      site: this.timetables.site(row),
      distanceKm: Number(row.distance_km),
    }));
  }

  async claimableFor(organizationId: string, now: Date): Promise<ClaimableOfferCandidates | undefined> {
    if (!isUuid(organizationId)) return undefined;
    const [profile] = await this.query<RecipientRow>(RECIPIENT_FOR_MATCHING_SQL, [organizationId, parisDayOf(now)]);
    if (profile === undefined) return undefined;
    const rows = await this.query<ClaimableRow>(CLAIMABLE_OFFERS_SQL, [
      organizationId,
      Number(profile.service_radius_km) * 1000,
      now,
      profile.accepted_categories,
    ]);
    let firstDay: string | undefined;
    let lastDay: string | undefined;
    const offers: OfferCandidate[] = rows.map((row) => {
      const offer = toMatchingOffer({ ...row, site_id: row.offer_site_id });
      const from = parisDayOf(offer.pickupFrom);
      const until = parisDayOf(offer.pickupUntil);
      if (firstDay === undefined || from < firstDay) firstDay = from;
      if (lastDay === undefined || until > lastDay) lastDay = until;
      return { offer, site: this.timetables.site(row), distanceKm: Number(row.distance_km) };
    });
    const claimed =
      firstDay === undefined || lastDay === undefined ? [] : await this.query<ClaimedRow>(CLAIMED_BY_DAY_SQL, [organizationId, firstDay, lastDay]);
    const claimedKgByDay = toClaimedByDay(claimed.map((row): ClaimedTriple => [row.pickup_day, row.temperature, row.kg]));
    return { recipient: toMatchingRecipient(profile.id, profile.verified, profile, claimedKgByDay), offers };
  }
}
