import { Module } from '@nestjs/common';
import { GetDriverCalendar, IssueCalendarFeed, RevokeCalendarFeed } from '#application';
import { CalendarPersistenceModule } from '#persistence';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { DriverCalendarController } from './driver-calendar.controller';

/** Drivers' private calendar feeds: the GraphQL mutations that issue and revoke them, and the iCalendar route. */
@Module({
  imports: [CalendarPersistenceModule],
  controllers: [DriverCalendarController],
  providers: [IssueCalendarFeed, RevokeCalendarFeed, GetDriverCalendar, CalendarFeedResolver],
})
export class CalendarModule {}
