import { Module } from '@nestjs/common';
import { MemberEmailDirectory, OfferNotificationRepository } from '#application';
import { SqlMemberEmailDirectory } from './member-email-directory.repository';
import { SqlOfferNotificationRepository } from './offer-notification.repository';

/** Binds the notifications ports to PostgreSQL. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [
    { provide: OfferNotificationRepository, useClass: SqlOfferNotificationRepository },
    { provide: MemberEmailDirectory, useClass: SqlMemberEmailDirectory },
  ],
  exports: [OfferNotificationRepository, MemberEmailDirectory],
})
export class NotificationsPersistenceModule {}
