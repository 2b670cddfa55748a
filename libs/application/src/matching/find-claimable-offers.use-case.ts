import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OrganizationKind } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { decodeClaimableOfferCursor } from './claimable-offer-cursor';
import { MatchCandidateFinder } from './match-candidate-finder.port';
import { EMPTY_OFFER_MATCH_CONNECTION, pageClaimableOffers, type OfferMatchConnection } from './page-claimable-offers';

export const DEFAULT_CLAIMABLE_PAGE_SIZE = 20;
export const MAX_CLAIMABLE_PAGE_SIZE = 100;

export interface FindClaimableOffersQuery {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  readonly first?: number | null;
  readonly after?: string | null;
}

/**
 * The offers a recipient may claim now, best match first, by the same engine as offerMatches: each
 * open offer near one of its sites is assessed for this recipient alone (pageClaimableOffers tells
 * how a page ranks only the offers that may belong on it). Pages walk (score desc, offer id asc),
 * each read from one snapshot of the database; the score moves with time (urgency), so a later page
 * reflects the scores of the moment it is asked for — an offer whose score rose past the cursor
 * meanwhile is not shown twice, it may be skipped until the list is read again from the start.
 */
@Injectable()
export class FindClaimableOffers {
  constructor(
    private readonly finder: MatchCandidateFinder,
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: FindClaimableOffersQuery): Promise<OfferMatchConnection> {
    const first = query.first ?? DEFAULT_CLAIMABLE_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_CLAIMABLE_PAGE_SIZE) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_CLAIMABLE_PAGE_SIZE });
    }
    const after = query.after === undefined || query.after === null ? undefined : decodeClaimableOfferCursor(query.after);
    await this.authorizer.assertActsFor(query.actor, query.organizationId, [MemberRole.ADMIN, MemberRole.STAFF]);

    const now = this.clock.now();
    const page = await this.finder.readClaimable(query.organizationId, now, (snapshot) => pageClaimableOffers(snapshot, now, first, after));
    if (page === undefined) {
      const organization = await this.organizations.findById(query.organizationId);
      if (organization?.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
      // A recipient that has not said what it can take yet has nothing to claim.
      return EMPTY_OFFER_MATCH_CONNECTION;
    }
    return page;
  }
}
