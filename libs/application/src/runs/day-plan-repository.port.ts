import type { CalendarDay } from '#domain';
import type { DayPlan } from './run-planning.model';

/** The last planning of each recipient's day: its vehicles (re-plans use them) and the pickups it left out. */
export abstract class DayPlanRepository {
  /** Replaces the day's plan and its list of unserved pickups, in the caller's transaction. */
  abstract save(plan: DayPlan): Promise<void>;
  abstract find(organizationId: string, day: CalendarDay): Promise<DayPlan | undefined>;
}
