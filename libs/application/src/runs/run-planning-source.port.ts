import type { CalendarDay } from '#domain';
import type { PlannablePickup, PlanningDriver } from './run-planning.model';

/** What planning reads besides runs: the day's pickups and the recipient's drivers. */
export abstract class RunPlanningSource {
  /**
   * The recipient's pickups for that Paris day still to plan: their claim is CONFIRMED, they are not
   * cancelled, and no run already on the road (or done) carries them. Oldest collection window first.
   */
  abstract pickupsToPlan(organizationId: string, day: CalendarDay): Promise<PlannablePickup[]>;

  /** The recipient's DRIVER members with their weekly hours and the absences that cover the day. */
  abstract driversOf(organizationId: string, day: CalendarDay): Promise<PlanningDriver[]>;
}
