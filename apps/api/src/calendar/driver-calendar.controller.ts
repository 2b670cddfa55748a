import { Controller, Get, Header, Headers, Param, UseFilters } from '@nestjs/common';
import { GetDriverCalendar } from '#application';
import { DomainError } from '#domain';
import { preferredLanguage } from '../errors/language';
import { HttpJsonExceptionFilter } from '../map/http-json-exception.filter';
import { renderDriverCalendar } from './driver-calendar.ics';

const ICS_SUFFIX = '.ics';

/**
 * A driver's private calendar feed: `GET /calendar/<secret>.ics` answers an iCalendar document of
 * their runs, for calendar apps to subscribe to. Calendar apps cannot send a bearer token, so the
 * secret in the URL is the credential (issueCalendarFeed gives it, revokeCalendarFeed or a new
 * issue ends it). An unknown or revoked secret is a 404 with a JSON coded error.
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
  async feed(@Param('file') file: string, @Headers('accept-language') acceptLanguage: string | undefined): Promise<string> {
    if (!file.endsWith(ICS_SUFFIX)) throw new DomainError('NOT_FOUND', 'token');
    const calendar = await this.getDriverCalendar.execute(file.slice(0, -ICS_SUFFIX.length));
    return renderDriverCalendar(calendar, preferredLanguage(acceptLanguage));
  }
}
