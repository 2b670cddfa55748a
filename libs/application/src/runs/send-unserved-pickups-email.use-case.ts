import { Injectable } from '@nestjs/common';
import { ClaimRepository } from '../claims/claim-repository.port';
import { Mailer } from '../notifications/mailer.port';
import { MemberEmailDirectory } from '../notifications/member-email-directory.port';
import { NotificationSettings } from '../notifications/notification-settings.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import type { JobPayloads } from '../ports/job-payloads';
import { DayPlanRepository } from './day-plan-repository.port';
import { RUN_COORDINATOR_ROLES } from './run-roles';
import { composeUnservedPickupsEmail, type UnservedPickupLine } from './unserved-pickups-email.template';

export type UnservedPickupsEmailOutcome = 'SENT' | 'NOTHING_LEFT_OUT' | 'NO_ADDRESS';

/**
 * Tells a recipient's coordinators which pickups of a day the last planning left out, as the plan
 * stands when the e-mail is sent (a re-plan may have found room since). At least once.
 */
@Injectable()
export class SendUnservedPickupsEmail {
  constructor(
    private readonly dayPlans: DayPlanRepository,
    private readonly claims: ClaimRepository,
    private readonly organizations: OrganizationRepository,
    private readonly directory: MemberEmailDirectory,
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(payload: JobPayloads['notifications.unserved-pickups-email']): Promise<UnservedPickupsEmailOutcome> {
    const plan = await this.dayPlans.find(payload.organizationId, payload.day);
    if (plan === undefined || plan.unserved.length === 0) return 'NOTHING_LEFT_OUT';
    const to = await this.directory.emailsOf(payload.organizationId, RUN_COORDINATOR_ROLES);
    if (to.length === 0) return 'NO_ADDRESS';
    const recipient = await this.organizations.findById(payload.organizationId);
    if (recipient === undefined) return 'NO_ADDRESS';
    const lines: UnservedPickupLine[] = [];
    for (const left of plan.unserved) {
      const claim = await this.claims.findById(left.claimId);
      if (claim === undefined) continue;
      const donor = await this.organizations.findById(claim.toSnapshot().from.organizationId);
      lines.push({ donorName: donor?.name ?? '—', totalKg: claim.totalKg, reason: left.reason });
    }
    await this.mailer.send(composeUnservedPickupsEmail({ day: payload.day, recipientName: recipient.name, lines, publicUrl: this.settings.publicUrl }, to));
    return 'SENT';
  }
}
