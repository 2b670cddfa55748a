import { Module } from '@nestjs/common';
import { ClockModule, PublishOffer } from '#application';
import { OffersPersistenceModule, PersistenceModule } from '#persistence';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OffersModule } from './offers.module';
import { PublishOfferResolver } from './publish-offer.resolver';

/** publishOffer: the status change and the first circle of the broadcast cascade, in one transaction. */
@Module({
  imports: [OffersPersistenceModule, PersistenceModule, OffersModule, OrganizationsModule, ClockModule],
  providers: [PublishOfferResolver, PublishOffer],
})
export class PublishOfferModule {}
