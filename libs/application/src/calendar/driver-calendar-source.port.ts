/** One event of a driver's calendar (a run, later perhaps a training): data, not wording. */
export interface CalendarEntry {
  /** Stable across feed refreshes, so calendar apps update the event instead of duplicating it. */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly title: string;
  readonly location: string | null;
  readonly description: string | null;
  readonly updatedAt: Date;
  /** Grows with every change of the event (RFC 5545 SEQUENCE), so calendar apps take the new one. */
  readonly sequence?: number;
}

/** Where a driver's calendar entries come from (the runs they are assigned to). */
export abstract class DriverCalendarSource {
  /** Entries overlapping [from, until), soonest first. */
  abstract entriesFor(userId: string, from: Date, until: Date): Promise<CalendarEntry[]>;
}
