import { Injectable } from '@nestjs/common';
import { parisDayOf } from '#domain';
import { Clock } from '../ports/clock.port';
import { DayPlanRepository } from './day-plan-repository.port';
import { RunPlanner, type DayPlanOutcome } from './run-planner.service';

/**
 * The worker's re-plan of a planned day, with the vehicles of its last planning: runs on the road
 * stay, the others are updated in place (drivers kept where they still can), and every changed run
 * is announced (runUpdated). A day that is over, or was never planned, is left alone.
 */
@Injectable()
export class ReplanDay {
  constructor(
    private readonly dayPlans: DayPlanRepository,
    private readonly planner: RunPlanner,
    private readonly clock: Clock,
  ) {}

  async execute(organizationId: string, day: string): Promise<DayPlanOutcome | undefined> {
    if (day < parisDayOf(this.clock.now())) return undefined;
    const plan = await this.dayPlans.find(organizationId, day);
    if (plan === undefined) return undefined;
    return this.planner.planDay({ organizationId, day, vehicles: plan.vehicles, actorUserId: null });
  }
}
