import { Injectable } from '@nestjs/common';
import { DomainError, isDomainError, RunStatus, type Run } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { DayPlanRepository } from './day-plan-repository.port';
import { RunRepository } from './run-repository.port';
import { RunSettings } from './run-settings.port';

export interface WithdrawFromRunCommand {
  readonly actor: Actor | undefined;
  readonly runId: string;
}

/**
 * A driver gives back a run they had, before it starts: it is open again (PLANNED) for another
 * driver to accept, and whoever follows it hears of it. Close to its start (RUN_WITHDRAWAL_NOTICE_HOURS)
 * the other drivers available then are told at once (openRunOffered) and e-mailed, and the
 * coordinators are e-mailed if nobody has taken it RUN_UNTAKEN_ALERT_SECONDS later. These jobs are
 * written in the transaction of the withdrawal (TellOpenRun runs them after commit), and the driver,
 * if the coordinator had put them on the run's vehicle, is taken off it for re-plans.
 */
@Injectable()
export class WithdrawFromRun {
  constructor(
    private readonly runs: RunRepository,
    private readonly dayPlans: DayPlanRepository,
    private readonly outbox: JobOutbox,
    private readonly settings: RunSettings,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawFromRunCommand): Promise<Run> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    return this.unitOfWork.run(async () => {
      const run = await this.runs.findById(command.runId, { forUpdate: true });
      if (run === undefined) throw new DomainError('NOT_FOUND', 'id');
      // Only the run's own driver gives it back (a coordinator re-plans instead).
      if (run.driverUserId !== actor.userId) throw new DomainError('FORBIDDEN', 'id');
      const now = this.clock.now();
      try {
        run.release('WITHDRAWN', actor.userId, now);
      } catch (error) {
        if (isDomainError(error) && error.code === 'ILLEGAL_RUN_TRANSITION') throw new DomainError('ILLEGAL_RUN_TRANSITION', 'id', error.params);
        throw error;
      }
      await this.runs.update(run);
      await this.forgetOnVehicle(run, actor.userId);
      if (run.status === RunStatus.PLANNED && run.plannedStart.getTime() - now.getTime() <= this.settings.withdrawalNoticeMs) {
        const key = `${run.id}-${now.getTime()}`;
        await this.outbox.add('runs.open-run-notice', { runId: run.id, withdrawnDriverUserId: actor.userId }, { jobId: `open-run-notice-${key}` });
        await this.outbox.add('notifications.open-run-email', { runId: run.id, withdrawnDriverUserId: actor.userId }, { jobId: `open-run-email-${key}` });
        await this.outbox.add(
          'runs.untaken-check',
          { runId: run.id, releasedAt: now.toISOString() },
          { jobId: `untaken-check-${key}`, delayMs: this.settings.untakenAlertMs },
        );
      }
      return run;
    });
  }

  /** A driver the coordinator had put on the run's vehicle is not put back on it by the next re-plan. */
  private async forgetOnVehicle(run: Run, driverUserId: string): Promise<void> {
    const plan = await this.dayPlans.find(run.organizationId, run.day);
    if (plan === undefined || !plan.vehicles.some((vehicle) => vehicle.key === run.vehicle.key && vehicle.driverUserId === driverUserId)) return;
    await this.dayPlans.save({
      ...plan,
      vehicles: plan.vehicles.map((vehicle) =>
        vehicle.key === run.vehicle.key && vehicle.driverUserId === driverUserId ? { ...vehicle, driverUserId: null } : vehicle,
      ),
    });
  }
}
