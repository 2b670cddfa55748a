import { Injectable } from '@nestjs/common';
import { MatchCandidateFinder, type ClaimableOffersSnapshot, type MatchingOffer, type SiteCandidate } from '#application';
import { DataSource } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { preparedRows } from '../transactions/prepared-statement';
import { currentManager } from '../transactions/transaction-scope';
import { readClaimableOffers, type SqlClient } from './claimable-offers.reader';
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
import { CANDIDATES_FOR_OFFER_SQL, OFFER_FOR_MATCHING_SQL, RECIPIENT_SITES_FOR_OFFER_SQL } from './match-candidate.sql';

type CandidateRow = SiteColumns & ProfileColumns & { readonly claimed: ClaimedTriple[] | null };

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
   * The candidate queries as named prepared statements: PostgreSQL plans them once per connection
   * instead of on every call, which for a typical offer is most of their cost (about 1.5 ms of
   * planning against well under 1 ms of execution).
   */
  private prepared<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return preparedRows<T>(currentManager(this.dataSource), sql, parameters);
  }

  async findOffer(offerId: string): Promise<MatchingOffer | undefined> {
    if (!isUuid(offerId)) return undefined;
    const [row] = await this.query<OfferRow>(OFFER_FOR_MATCHING_SQL, [offerId]);
    return row === undefined ? undefined : toMatchingOffer(row);
  }

  async candidatesForOffer(offer: MatchingOffer, now: Date): Promise<SiteCandidate[]> {
    const parameters = candidateParameters(offer, now);
    if (parameters === undefined) return [];
    const rows = await this.prepared<CandidateRow>(CANDIDATES_FOR_OFFER_SQL, parameters);
    return rows.map((row) => ({
      // The query keeps verified recipients only.
      recipient: toMatchingRecipient(row.organization_id, true, row, toClaimedByDay(row.claimed)),
      site: this.timetables.site(row),
      distanceKm: Number(row.distance_km),
    }));
  }

  async recipientSitesForOffer(offerId: string, organizationId: string): Promise<SiteCandidate[]> {
    if (!isUuid(offerId) || !isUuid(organizationId)) return [];
    const rows = await this.prepared<SiteColumns & ProfileColumns>(RECIPIENT_SITES_FOR_OFFER_SQL, [offerId, organizationId]);
    return rows.map((row) => ({
      recipient: toMatchingRecipient(row.organization_id, true, row, new Map()),
      site: this.timetables.site(row),
      distanceKm: Number(row.distance_km),
    }));
  }

  /**
   * On a connection of its own, in a read-only snapshot (readClaimableOffers); inside a caller's
   * transaction, on that transaction's connection and snapshot.
   */
  async readClaimable<T>(organizationId: string, now: Date, read: (snapshot: ClaimableOffersSnapshot) => Promise<T>): Promise<T | undefined> {
    const manager = currentManager(this.dataSource);
    const runner = manager.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as SqlClient;
      return await readClaimableOffers(client, this.timetables, organizationId, now, read, { ownTransaction: manager.queryRunner === undefined });
    } finally {
      if (manager.queryRunner === undefined) await runner.release();
    }
  }
}
