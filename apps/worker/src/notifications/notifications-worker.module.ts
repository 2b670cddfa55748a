import { Module } from '@nestjs/common';
import {
  Authorizer,
  BroadcastOffer,
  ClockModule,
  FindOfferMatches,
  NotificationSettings,
  RateLimiter,
  SendOfferEmail,
  UnlimitedRateLimiter,
} from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { EventsModule, MailModule } from '#jobs';
import {
  MatchingPersistenceModule,
  NotificationsPersistenceModule,
  OffersPersistenceModule,
  OrganizationsPersistenceModule,
  PersistenceModule,
} from '#persistence';
import { BroadcastOfferJobHandler } from '../handlers/broadcast-offer.job-handler';
import { OfferEmailJobHandler } from '../handlers/offer-email.job-handler';

/** The broadcast cascade and its e-mails: the use cases, their adapters and the two job handlers. */
@Module({
  imports: [
    PersistenceModule,
    OffersPersistenceModule,
    MatchingPersistenceModule,
    OrganizationsPersistenceModule,
    NotificationsPersistenceModule,
    MailModule,
    EventsModule,
    ClockModule,
  ],
  providers: [
    {
      provide: NotificationSettings,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationSettings => ({
        circleSize: config.broadcast.circleSize,
        circleWaitMs: config.broadcast.waitSeconds * 1000,
        publicUrl: config.publicUrl,
      }),
    },
    Authorizer,
    // The cascade ranks through rankedMatches, which no caller drives: only offerMatches counts calls.
    { provide: RateLimiter, useClass: UnlimitedRateLimiter },
    FindOfferMatches,
    BroadcastOffer,
    SendOfferEmail,
    BroadcastOfferJobHandler,
    OfferEmailJobHandler,
  ],
})
export class NotificationsWorkerModule {}
