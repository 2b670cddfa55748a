import { Module } from '@nestjs/common';
import {
  Authorizer,
  BroadcastOffer,
  ClockModule,
  FindOfferMatches,
  NotificationSettings,
  RateLimiter,
  SendClaimEmail,
  SendOfferEmail,
  SendRefusalEmail,
  SendUnservedPickupsEmail,
  TellOpenRun,
  UnlimitedRateLimiter,
} from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { EventsModule, MailModule } from '#jobs';
import {
  AccountsPersistenceModule,
  ClaimsPersistenceModule,
  MatchingPersistenceModule,
  NotificationsPersistenceModule,
  OffersPersistenceModule,
  OrganizationsPersistenceModule,
  PersistenceModule,
  RunsPersistenceModule,
} from '#persistence';
import { BroadcastOfferJobHandler } from '../handlers/broadcast-offer.job-handler';
import { OfferEmailJobHandler } from '../handlers/offer-email.job-handler';
import { ClaimEmailJobHandler } from '../handlers/claim-email.job-handler';
import { UnservedPickupsEmailJobHandler } from '../handlers/unserved-pickups-email.job-handler';
import { RefusalEmailJobHandler } from '../handlers/refusal-email.job-handler';
import { OpenRunEmailJobHandler } from '../handlers/open-run-email.job-handler';
import { OpenRunNoticeJobHandler } from '../handlers/open-run-notice.job-handler';
import { UntakenCheckJobHandler } from '../handlers/untaken-check.job-handler';

/**
 * The broadcast cascade and the e-mails of offers, claims and run planning (with the live notice of a
 * run given back, which goes to the drivers its e-mail asks): the use cases, their adapters and their job handlers.
 */
@Module({
  imports: [
    PersistenceModule,
    OffersPersistenceModule,
    ClaimsPersistenceModule,
    MatchingPersistenceModule,
    OrganizationsPersistenceModule,
    NotificationsPersistenceModule,
    RunsPersistenceModule,
    AccountsPersistenceModule,
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
    SendClaimEmail,
    SendUnservedPickupsEmail,
    SendRefusalEmail,
    TellOpenRun,
    BroadcastOfferJobHandler,
    OfferEmailJobHandler,
    ClaimEmailJobHandler,
    UnservedPickupsEmailJobHandler,
    RefusalEmailJobHandler,
    OpenRunEmailJobHandler,
    OpenRunNoticeJobHandler,
    UntakenCheckJobHandler,
  ],
})
export class NotificationsWorkerModule {}
