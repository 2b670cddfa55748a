import { Module } from '@nestjs/common';
import { CalendarFeedRepository, DriverCalendarSource } from '#application';
import { TypeOrmCalendarFeedRepository } from './calendar-feed.repository';
import { SqlDriverCalendarSource } from './driver-calendar.source';

/** Binds the calendar-feed ports to PostgreSQL. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [
    { provide: CalendarFeedRepository, useClass: TypeOrmCalendarFeedRepository },
    { provide: DriverCalendarSource, useClass: SqlDriverCalendarSource },
  ],
  exports: [CalendarFeedRepository, DriverCalendarSource],
})
export class CalendarPersistenceModule {}
