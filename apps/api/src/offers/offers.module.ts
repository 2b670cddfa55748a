import { Module } from '@nestjs/common';
import { ClockModule, CreateOffer, GetOfferClaims, GetOffers, ListOffers, OfferVisibilityPolicy, WithdrawOffer } from '#application';
import { EventsModule } from '#jobs';
import { ClaimsPersistenceModule, OffersPersistenceModule, PersistenceModule } from '#persistence';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OfferLoaders } from './offer.loaders';
import { ClaimFieldsResolver, OfferFieldsResolver } from './offer-fields.resolver';
import { OffersResolver } from './offers.resolver';

/**
 * Offers: create, withdraw, read, list, follow. Publishing, claims, matching and allocation import
 * it for the repository, the visibility rule and the loaders.
 */
@Module({
  imports: [OffersPersistenceModule, ClaimsPersistenceModule, PersistenceModule, OrganizationsModule, EventsModule, ClockModule],
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
