import { Injectable } from '@nestjs/common';
import { isAvailableThroughout, RunStatus, type Run } from '#domain';
import { UserRepository } from '../accounts/user-repository.port';
import { Mailer } from '../notifications/mailer.port';
import { MemberEmailDirectory } from '../notifications/member-email-directory.port';
import { NotificationSettings } from '../notifications/notification-settings.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { SiteRepository } from '../organizations/site-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import type { JobPayloads } from '../ports/job-payloads';
import { composeOpenRunEmail, type OpenRunEmailFacts } from './open-run-email.template';
import { RunPlanningSource } from './run-planning-source.port';
import { RunRepository } from './run-repository.port';
import { RUN_COORDINATOR_ROLES } from './run-roles';

export type OpenRunNotice = 'SENT' | 'TAKEN' | 'NOBODY_TO_TELL';

/**
 * What follows a withdrawal close to the start (WithdrawFromRun): the other drivers available for the
 * whole run, and free then, are told at once (openRunOffered, on every API instance) and e-mailed
 * each; later, if the run is still open, its coordinators. A run taken (or gone) meanwhile is left
 * alone. At least once.
 */
@Injectable()
export class TellOpenRun {
  constructor(
    private readonly runs: RunRepository,
    private readonly source: RunPlanningSource,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly sites: SiteRepository,
    private readonly directory: MemberEmailDirectory,
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettings,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async toAvailableDrivers(payload: JobPayloads['notifications.open-run-email']): Promise<OpenRunNotice> {
    const run = await this.stillOpen(payload.runId);
    if (run === undefined) return 'TAKEN';
    const free = await this.driversToAsk(run, payload.withdrawnDriverUserId);
    if (free.length === 0) return 'NOBODY_TO_TELL';
    const facts = await this.facts(run, 'TO_DRIVERS');
    // One e-mail each: drivers do not see each other's addresses.
    for (const userId of free) {
      const account = await this.users.findById(userId);
      if (account !== null) await this.mailer.send(composeOpenRunEmail(facts, [account.email]));
    }
    return 'SENT';
  }

  /**
   * The same drivers as the e-mail, live: one event naming them, which every API instance hands to
   * those of them subscribed to openRunOffered for the organisation. Its own job, so it neither waits
   * for the e-mails nor is published again when an e-mail is retried.
   */
  async liveToAvailableDrivers(payload: JobPayloads['runs.open-run-notice']): Promise<OpenRunNotice> {
    const run = await this.stillOpen(payload.runId);
    if (run === undefined) return 'TAKEN';
    const free = await this.driversToAsk(run, payload.withdrawnDriverUserId);
    if (free.length === 0) return 'NOBODY_TO_TELL';
    await this.events.publish('runs.open-offered', { runId: run.id, organizationId: run.organizationId, driverUserIds: free });
    return 'SENT';
  }

  async toCoordinators(payload: JobPayloads['runs.untaken-check']): Promise<OpenRunNotice> {
    const run = await this.stillOpen(payload.runId);
    if (run === undefined) return 'TAKEN';
    const to = await this.directory.emailsOf(run.organizationId, RUN_COORDINATOR_ROLES);
    if (to.length === 0) return 'NOBODY_TO_TELL';
    await this.mailer.send(composeOpenRunEmail(await this.facts(run, 'TO_COORDINATORS'), to));
    return 'SENT';
  }

  /** Who is asked: the run's organisation's drivers available for all of it and on no other run then, but the one who gave it back. */
  private async driversToAsk(run: Run, withdrawnDriverUserId: string): Promise<string[]> {
    const drivers = await this.source.driversOf(run.organizationId, run.day);
    const dayRuns = await this.runs.ofDay(run.organizationId, run.day);
    const busy = (userId: string) =>
      dayRuns.some((other) => other.driverUserId === userId && other.plannedStart < run.plannedEnd && run.plannedStart < other.plannedEnd);
    return drivers
      .filter(
        (driver) =>
          driver.userId !== withdrawnDriverUserId && isAvailableThroughout(driver.availability, run.plannedStart, run.plannedEnd) && !busy(driver.userId),
      )
      .map((driver) => driver.userId);
  }

  /** Still open and still ahead: otherwise there is nothing to ask anyone. */
  private async stillOpen(runId: string): Promise<Run | undefined> {
    const run = await this.runs.findById(runId);
    if (run === undefined || run.status !== RunStatus.PLANNED || run.plannedStart <= this.clock.now()) return undefined;
    return run;
  }

  private async facts(run: Run, kind: 'TO_DRIVERS' | 'TO_COORDINATORS'): Promise<OpenRunEmailFacts> {
    const recipient = await this.organizations.findById(run.organizationId);
    const sites = new Map(
      (await this.sites.listByOrganizationIds([...new Set(run.stops.map((stop) => stop.organizationId))])).map((site) => [site.id, site.name]),
    );
    const route = run.stops.map((stop) => sites.get(stop.siteId) ?? '—').filter((name, index, names) => index === 0 || names[index - 1] !== name);
    return {
      kind,
      recipientName: recipient?.name ?? '—',
      start: run.plannedStart,
      end: run.plannedEnd,
      route,
      publicUrl: this.settings.publicUrl,
      runId: run.id,
    };
  }
}
