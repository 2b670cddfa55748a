import { Module } from '@nestjs/common';
import { CalendarFeedRepository, DriverCalendarSource } from '#application';
import { PersistenceModule } from '../persistence.module';
import { TypeOrmCalendarFeedRepository } from './calendar-feed.repository';
import { SqlDriverCalendarSource } from './driver-calendar.source';

/** Binds the calendar-feed ports to PostgreSQL. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: CalendarFeedRepository, useClass: TypeOrmCalendarFeedRepository },
    { provide: DriverCalendarSource, useClass: SqlDriverCalendarSource },
  ],
  exports: [CalendarFeedRepository, DriverCalendarSource],
})
export class CalendarPersistenceModule {}
