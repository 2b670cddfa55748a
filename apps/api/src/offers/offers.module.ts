import { Global, Module } from '@nestjs/common';
import { CreateOffer, GetOfferClaims, GetOffers, ListOffers, OfferChangeNotifier, OfferVisibilityPolicy, WithdrawOffer } from '#application';
import { OffersPersistenceModule } from '#persistence';
import { OfferLoaders } from './offer.loaders';
import { ClaimFieldsResolver, OfferFieldsResolver } from './offer-fields.resolver';
import { OffersResolver } from './offers.resolver';

/**
 * Offers: create, withdraw, read, list, follow. Global: publishing, claims and matching use the
 * repository, the change notifier, the visibility rule and the loaders without importing it.
 */
@Global()
@Module({
  imports: [OffersPersistenceModule],
  providers: [
    CreateOffer,
    WithdrawOffer,
    GetOffers,
    ListOffers,
    GetOfferClaims,
    OfferVisibilityPolicy,
    OfferChangeNotifier,
    OfferLoaders,
    OffersResolver,
    OfferFieldsResolver,
    ClaimFieldsResolver,
  ],
  exports: [OffersPersistenceModule, GetOffers, GetOfferClaims, OfferVisibilityPolicy, OfferChangeNotifier, OfferLoaders],
})
export class OffersModule {}
