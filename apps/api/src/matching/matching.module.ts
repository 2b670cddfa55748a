import { Module } from '@nestjs/common';
import { ClockModule, FindClaimableOffers, FindOfferMatches } from '#application';
import { RateLimitModule } from '#jobs';
import { MatchingPersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MatchingResolver } from './matching.resolver';
import { OfferMatchFieldsResolver } from './offer-match-fields.resolver';

/**
 * offerMatches and claimableOffers. Exports FindOfferMatches for the broadcast cascade (the best N
 * recipients of a newly published offer) so that both use the same engine and the same SQL.
 */
@Module({
  imports: [MatchingPersistenceModule, OrganizationsModule, OffersModule, ClockModule, RateLimitModule],
  providers: [FindOfferMatches, FindClaimableOffers, MatchingResolver, OfferMatchFieldsResolver],
  exports: [FindOfferMatches, MatchingPersistenceModule],
})
export class MatchingModule {}
