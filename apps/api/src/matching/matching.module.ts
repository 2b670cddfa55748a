import { Module } from '@nestjs/common';
import { FindClaimableOffers, FindOfferMatches } from '#application';
import { RateLimitModule } from '#jobs';
import { MatchingPersistenceModule } from '#persistence';
import { MatchingResolver } from './matching.resolver';
import { OfferMatchFieldsResolver } from './offer-match-fields.resolver';

/**
 * offerMatches and claimableOffers. Exports FindOfferMatches for the broadcast cascade (the best N
 * recipients of a newly published offer) so that both use the same engine and the same SQL.
 * Authorizer, loaders and the organisation repository come from the global organisations and offers modules.
 */
@Module({
  imports: [MatchingPersistenceModule, RateLimitModule],
  providers: [FindOfferMatches, FindClaimableOffers, MatchingResolver, OfferMatchFieldsResolver],
  exports: [FindOfferMatches, MatchingPersistenceModule],
})
export class MatchingModule {}
