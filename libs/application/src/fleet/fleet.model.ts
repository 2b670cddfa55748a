import type { CalendarDay, OpeningHours, VehicleSpec } from '#domain';

/** A recipient's vehicle. Retired vehicles stay (past runs name them) but are not planned any more. */
export interface Vehicle {
  readonly id: string;
  readonly organizationId: string;
  readonly spec: VehicleSpec;
  readonly retiredAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One-off days a driver is away, both ends inclusive (Paris days). */
export interface DriverAbsence {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly from: CalendarDay;
  readonly to: CalendarDay;
  readonly createdAt: Date;
}

/** A driver's availability for one organisation, as its coordinators read it. */
export interface DriverAvailabilityView {
  readonly organizationId: string;
  readonly userId: string;
  /** No hours until the driver declares them. */
  readonly weekly: OpeningHours;
  /** Absences that have not ended, soonest first. */
  readonly absences: readonly DriverAbsence[];
  /** When the weekly hours were last set; null if never. */
  readonly weeklyUpdatedAt: Date | null;
}
