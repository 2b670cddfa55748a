import { Module } from '@nestjs/common';
import { MemberEmailDirectory, OfferNotificationRepository } from '#application';
import { SqlMemberEmailDirectory } from './member-email-directory.repository';
import { SqlOfferNotificationRepository } from './offer-notification.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the notifications ports to PostgreSQL. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: OfferNotificationRepository, useClass: SqlOfferNotificationRepository },
    { provide: MemberEmailDirectory, useClass: SqlMemberEmailDirectory },
  ],
  exports: [OfferNotificationRepository, MemberEmailDirectory],
})
export class NotificationsPersistenceModule {}
