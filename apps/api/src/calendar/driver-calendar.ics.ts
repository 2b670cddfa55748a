import type { DriverCalendar } from '#application';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Language } from '../errors/error-messages';

/** How often calendar apps should fetch the feed again (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
export const CALENDAR_REFRESH_SECONDS = 3600;

const CALENDAR_NAMES: Readonly<Record<Language, string>> = { fr: 'Glane : mes tournées', en: 'Glane: my runs' };

/**
 * A driver's calendar as iCalendar (RFC 5545), rendered by ical-generator. Instants are written in
 * UTC, which every calendar app shows in its own zone: no VTIMEZONE to get wrong across daylight saving.
 */
export function renderDriverCalendar(calendar: DriverCalendar, language: Language): string {
  const document = ical({
    name: CALENDAR_NAMES[language],
    prodId: { company: 'Glane', product: 'driver-calendar', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: CALENDAR_REFRESH_SECONDS,
  });
  for (const entry of calendar.entries) {
    document.createEvent({
      id: entry.uid,
      start: entry.start,
      end: entry.end,
      summary: entry.title,
      location: entry.location,
      description: entry.description,
      stamp: calendar.generatedAt,
      lastModified: entry.updatedAt,
      ...(entry.sequence === undefined ? {} : { sequence: entry.sequence }),
    });
  }
  return document.toString();
}
