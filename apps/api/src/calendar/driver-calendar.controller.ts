import { Controller, Get, Header, Headers, Ip, Param, UseFilters } from '@nestjs/common';
import { GetDriverCalendar } from '#application';
import { preferredLanguage } from '../errors/language';
import { HttpJsonExceptionFilter } from '../http/http-json-exception.filter';
import { renderDriverCalendar } from './driver-calendar.ics';

const ICS_SUFFIX = '.ics';

/**
 * A driver's private calendar feed: `GET /calendar/<secret>.ics` answers an iCalendar document of
 * their runs, for calendar apps to subscribe to. Calendar apps cannot send a bearer token, so the
 * secret in the URL is the credential (issueCalendarFeed gives it, revokeCalendarFeed or a new
 * issue ends it). An unknown or revoked secret is a 404 with a JSON coded error; requests are counted
 * per client address (429 RATE_LIMITED beyond CALENDAR_FEED_REQUESTS_PER_ADDRESS_PER_MINUTE).
 */
@Controller('calendar')
@UseFilters(HttpJsonExceptionFilter)
export class DriverCalendarController {
  constructor(private readonly getDriverCalendar: GetDriverCalendar) {}

  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  // Personal data behind a secret URL: no shared cache may keep it, and the URL must not leak through referrers.
  @Header('Cache-Control', 'private, no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async feed(
    @Param('file') file: string,
    @Ip() clientAddress: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<string> {
    // Not a secret: answered like one, and counted like one.
    const token = file.endsWith(ICS_SUFFIX) ? file.slice(0, -ICS_SUFFIX.length) : '';
    const calendar = await this.getDriverCalendar.execute({ token, clientAddress });
    return renderDriverCalendar(calendar, preferredLanguage(acceptLanguage));
  }
}
