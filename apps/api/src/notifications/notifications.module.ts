import { Module } from '@nestjs/common';
import { EventsModule } from '#jobs';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OfferMatchedResolver } from './offer-matched.resolver';

/** The recipients' live feed of offers matched for them (the broadcast cascade runs in the worker). */
@Module({ imports: [EventsModule, OrganizationsModule], providers: [OfferMatchedResolver] })
export class NotificationsModule {}
