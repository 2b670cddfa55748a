import type { CalendarDay, ClosurePeriod, DriverAvailability, OpeningHours, TemperatureClass } from '#domain';
import { UNSERVED_REASONS, type GeoLocation, type UnservedReason } from '#routing';

/** Why a pickup is in no run: the solver's reasons, named for the layers that do not import it. */
export type UnservedPickupReason = UnservedReason;
export const UNSERVED_PICKUP_REASONS: readonly UnservedPickupReason[] = UNSERVED_REASONS;

/** A confirmed claim's pickup as planning needs it: where from, where to, when, how much of each class. */
export interface PlannablePickup {
  readonly pickupId: string;
  readonly claimId: string;
  readonly donor: { readonly organizationId: string; readonly siteId: string; readonly location: GeoLocation };
  readonly recipient: {
    readonly organizationId: string;
    readonly siteId: string;
    readonly location: GeoLocation;
    /** The site's receiving hours and closures, to find the whole receiving interval the delivery falls in. */
    readonly openingHours: OpeningHours;
    readonly closures: readonly ClosurePeriod[];
  };
  /** The offer's pickup window. */
  readonly collectFrom: Date;
  readonly collectUntil: Date;
  /** As the claim recorded it: the site's first receiving interval within the offer's window (from the later of their starts). */
  readonly deliverFrom: Date;
  readonly deliverUntil: Date;
  readonly kgByTemperature: Readonly<Record<TemperatureClass, number>>;
}

/** A vehicle a day is planned with: given to planRuns, or one of the recipient's fleet. */
export interface PlanningVehicle {
  /** `input-<n>` for the n-th vehicle given to planRuns; the fleet vehicle's id otherwise. */
  readonly key: string;
  readonly vehicleId: string | null;
  readonly capacityKg: number;
  readonly refrigerated: boolean;
  /** How long chilled or frozen goods may ride in its insulated boxes; null without boxes (or no time declared). */
  readonly insulatedBoxMaxMinutes: number | null;
  /** The driver the coordinator put on this vehicle: only they are given its runs. */
  readonly driverUserId: string | null;
}

/** A driver of the recipient and when they can drive. */
export interface PlanningDriver {
  readonly userId: string;
  readonly availability: DriverAvailability;
}

/** A pickup no run could take, with the solver's reason (libs/routing's UNSERVED_REASONS). */
export interface UnservedPickup {
  readonly pickupId: string;
  readonly claimId: string;
  readonly reason: UnservedPickupReason;
}

/** What the last planning of a recipient's day used and left out; re-plans start from it. */
export interface DayPlan {
  readonly organizationId: string;
  readonly day: CalendarDay;
  readonly vehicles: readonly PlanningVehicle[];
  readonly unserved: readonly UnservedPickup[];
  readonly plannedAt: Date;
  /** Null for a re-plan the system made. */
  readonly plannedBy: string | null;
}
