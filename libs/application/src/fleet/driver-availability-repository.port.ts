import type { CalendarDay, OpeningHours } from '#domain';
import type { DriverAbsence } from './fleet.model';

export abstract class DriverAvailabilityRepository {
  /** The weekly hours and when they were set; undefined when the driver never set them. */
  abstract weeklyOf(organizationId: string, userId: string): Promise<{ weekly: OpeningHours; updatedAt: Date } | undefined>;
  /** Replaces the driver's weekly hours for the organisation. */
  abstract saveWeekly(organizationId: string, userId: string, weekly: OpeningHours, at: Date): Promise<void>;
  /** Absences ending on `today` or later, soonest first. */
  abstract upcomingAbsences(organizationId: string, userId: string, today: CalendarDay): Promise<DriverAbsence[]>;
  abstract addAbsence(absence: DriverAbsence): Promise<void>;
  /** Unknown or malformed ids are simply not found. */
  abstract findAbsence(id: string): Promise<DriverAbsence | undefined>;
  /** False when it was already gone. */
  abstract removeAbsence(id: string): Promise<boolean>;
}
