import { Global, Module } from '@nestjs/common';
import { CreateOffer, GetOfferClaims, GetOffers, ListOffers, OfferVisibilityPolicy, WithdrawOffer } from '#application';
import { ClaimsPersistenceModule, OffersPersistenceModule } from '#persistence';
import { OfferLoaders } from './offer.loaders';
import { ClaimFieldsResolver, OfferFieldsResolver } from './offer-fields.resolver';
import { OffersResolver } from './offers.resolver';

/**
 * Offers: create, withdraw, read, list, follow. Global: publishing, claims and matching use the
 * repository, the visibility rule and the loaders without importing it.
 */
@Global()
@Module({
  imports: [OffersPersistenceModule, ClaimsPersistenceModule],
  providers: [
    CreateOffer,
    WithdrawOffer,
    GetOffers,
    ListOffers,
    GetOfferClaims,
    OfferVisibilityPolicy,
    OfferLoaders,
    OffersResolver,
    OfferFieldsResolver,
    ClaimFieldsResolver,
  ],
  exports: [OffersPersistenceModule, GetOffers, GetOfferClaims, OfferVisibilityPolicy, OfferLoaders],
})
export class OffersModule {}
