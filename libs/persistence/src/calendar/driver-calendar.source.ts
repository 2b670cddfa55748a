import { Injectable } from '@nestjs/common';
import { DriverCalendarSource, type CalendarEntry } from '#application';

/**
 * A driver's calendar entries are their runs, and runs are not stored yet: until they are, every
 * feed is a valid, empty calendar. Replace this with the query over runs when they land.
 */
@Injectable()
export class SqlDriverCalendarSource extends DriverCalendarSource {
  async entriesFor(_userId: string, _from: Date, _until: Date): Promise<CalendarEntry[]> {
    return [];
  }
}
