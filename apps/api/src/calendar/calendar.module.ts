import { Module } from '@nestjs/common';
import { ClockModule, GetDriverCalendar, IssueCalendarFeed, RevokeCalendarFeed } from '#application';
import { RateLimitModule } from '#jobs';
import { CalendarPersistenceModule } from '#persistence';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { DriverCalendarController } from './driver-calendar.controller';

/** Drivers' private calendar feeds: the GraphQL mutations that issue and revoke them, and the iCalendar route. */
@Module({
  // OrganizationsModule: the memberships (only drivers get a feed).
  imports: [CalendarPersistenceModule, OrganizationsModule, ClockModule, RateLimitModule],
  controllers: [DriverCalendarController],
  providers: [IssueCalendarFeed, RevokeCalendarFeed, GetDriverCalendar, CalendarFeedResolver],
})
export class CalendarModule {}
