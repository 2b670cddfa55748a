import { Injectable, Logger } from '@nestjs/common';
import { parisDayOf } from '#domain';
import { ClaimRepository } from '../claims/claim-repository.port';
import { Clock } from '../ports/clock.port';
import { JobScheduler } from '../ports/job-scheduler.port';
import { DayPlanRepository } from './day-plan-repository.port';
import { RunSettings } from './run-settings.port';

export type ReplanRequest = 'REQUESTED' | 'DAY_NOT_PLANNED' | 'DAY_OVER' | 'NO_CLAIM';

/**
 * A claim was made or cancelled (after commit, from the outbox). If its recipient has planned that
 * day, the day's re-plan is requested, debounced per recipient and day: a burst of claims re-plans
 * once, a claim made during a re-plan makes it run once more. A day nobody planned yet is left to
 * its coordinators.
 */
@Injectable()
export class RequestDayReplan {
  private readonly logger = new Logger(RequestDayReplan.name);

  constructor(
    private readonly claims: ClaimRepository,
    private readonly dayPlans: DayPlanRepository,
    private readonly jobs: JobScheduler,
    private readonly settings: RunSettings,
    private readonly clock: Clock,
  ) {}

  async execute(claimId: string): Promise<ReplanRequest> {
    const claim = await this.claims.findById(claimId);
    if (claim === undefined) return 'NO_CLAIM';
    const organizationId = claim.recipientOrganizationId;
    const day = claim.pickupDay;
    if (day < parisDayOf(this.clock.now())) return 'DAY_OVER';
    if ((await this.dayPlans.find(organizationId, day)) === undefined) return 'DAY_NOT_PLANNED';
    await this.jobs.enqueueDebounced('runs.replan', { organizationId, day }, { key: `${organizationId}:${day}`, delayMs: this.settings.replanDebounceMs });
    this.logger.debug(`re-plan of ${organizationId} ${day} requested (claim ${claimId})`);
    return 'REQUESTED';
  }
}
