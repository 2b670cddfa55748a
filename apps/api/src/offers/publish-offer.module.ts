import { Module } from '@nestjs/common';
import { PublishOffer } from '#application';
import { OffersPersistenceModule } from '#persistence';
import { PublishOfferResolver } from './publish-offer.resolver';

/** publishOffer: the status change and the first circle of the broadcast cascade, in one transaction. */
@Module({
  imports: [OffersPersistenceModule],
  providers: [PublishOfferResolver, PublishOffer],
})
export class PublishOfferModule {}
