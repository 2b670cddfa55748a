import { Injectable } from '@nestjs/common';
import { DomainError, parisDayOf, parseCalendarDay, RunStatus, type Run, type RunSnapshot, type RunStop } from '#domain';
import { toUserProfile, type UserProfile } from '../accounts/user-account';
import { UserRepository } from '../accounts/user-repository.port';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { Clock } from '../ports/clock.port';
import { DayPlanRepository } from './day-plan-repository.port';
import { RunAccess, type RunAudience } from './run-access.service';
import type { UnservedPickup } from './run-planning.model';
import { RunRepository } from './run-repository.port';
import { RUN_COORDINATOR_ROLES } from './run-roles';

/** A run as one caller may see it. */
export interface RunView {
  readonly run: RunSnapshot;
  readonly audience: RunAudience;
  /** Every stop for the recipient's side; a donor's own stops for a donor. */
  readonly stops: readonly RunStop[];
  /** The run's driver, for the recipient's side only (a donor is not told who its members' contacts are). */
  readonly driver: UserProfile | null;
  /** The stops with nothing left to do (Run.isDone). */
  readonly doneStopIds: ReadonlySet<string>;
}

/** The readings of runs: a coordinator's day, a driver's runs, one run for whoever may follow it. */
@Injectable()
export class GetRuns {
  constructor(
    private readonly runs: RunRepository,
    private readonly dayPlans: DayPlanRepository,
    private readonly users: UserRepository,
    private readonly authorizer: Authorizer,
    private readonly access: RunAccess,
    private readonly clock: Clock,
  ) {}

  /** pickupRuns: the recipient's coordinators, every run of the day but the cancelled ones. */
  async ofOrganizationDay(actor: Actor | undefined, organizationId: string, rawDay: string): Promise<RunView[]> {
    await this.authorizer.assertActsFor(actor, organizationId, RUN_COORDINATOR_ROLES);
    const day = parseCalendarDay(rawDay, 'day');
    const runs = (await this.runs.ofDay(organizationId, day)).filter((run) => run.status !== RunStatus.CANCELLED);
    return this.present(runs.map((run) => ({ run, audience: 'RECIPIENT' as const, stops: run.stops })));
  }

  /** myRuns: the caller's runs that day (today by default), and the open runs they may accept. */
  async ofDriver(actor: Actor | undefined, rawDay: string | null | undefined): Promise<RunView[]> {
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const day = rawDay === null || rawDay === undefined ? parisDayOf(this.clock.now()) : parseCalendarDay(rawDay, 'day');
    const runs = await this.runs.forDriver(actor.userId, day);
    return this.present(runs.map((run) => ({ run, audience: 'RECIPIENT' as const, stops: run.stops })));
  }

  /** One run as the caller may see it; undefined when they may not (or it does not exist). */
  async one(actor: Actor | undefined, runId: string): Promise<RunView | undefined> {
    const run = await this.runs.findById(runId);
    if (run === undefined) return undefined;
    return (await this.views([run], actor))[0];
  }

  /** Runs already loaded (a use case's answer), as the caller may see them. */
  async views(runs: readonly Run[], actor: Actor | undefined): Promise<RunView[]> {
    const seen: Array<{ run: Run; audience: RunAudience; stops: readonly RunStop[] }> = [];
    for (const run of runs) {
      const sight = await this.access.sightOf(actor, run);
      if (sight !== undefined) seen.push({ run, ...sight });
    }
    return this.present(seen);
  }

  /** The pickups the day's last planning left out, with the solver's reason (coordinators). */
  async unserved(actor: Actor | undefined, organizationId: string, rawDay: string): Promise<readonly UnservedPickup[]> {
    await this.authorizer.assertActsFor(actor, organizationId, RUN_COORDINATOR_ROLES);
    const day = parseCalendarDay(rawDay, 'day');
    return (await this.dayPlans.find(organizationId, day))?.unserved ?? [];
  }

  private async present(seen: ReadonlyArray<{ run: Run; audience: RunAudience; stops: readonly RunStop[] }>): Promise<RunView[]> {
    const driverIds = [...new Set(seen.flatMap(({ run, audience }) => (audience === 'RECIPIENT' && run.driverUserId !== null ? [run.driverUserId] : [])))];
    const drivers = new Map<string, UserProfile>();
    for (const id of driverIds) {
      const account = await this.users.findById(id);
      if (account !== null) drivers.set(id, toUserProfile(account));
    }
    return seen.map(({ run, audience, stops }) => ({
      run: run.toSnapshot(),
      audience,
      stops,
      driver: audience === 'RECIPIENT' && run.driverUserId !== null ? (drivers.get(run.driverUserId) ?? null) : null,
      doneStopIds: new Set(run.stops.filter((stop) => run.isDone(stop)).map((stop) => stop.id)),
    }));
  }
}
