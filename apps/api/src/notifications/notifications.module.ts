import { Module } from '@nestjs/common';
import { OfferMatchedResolver } from './offer-matched.resolver';

/** The recipients' live feed of offers matched for them (the broadcast cascade runs in the worker). */
@Module({ providers: [OfferMatchedResolver] })
export class NotificationsModule {}
