import { Injectable } from '@nestjs/common';
import { ClaimStatus } from '#domain';
import { ClaimRepository } from '../claims/claim-repository.port';
import { Mailer } from '../notifications/mailer.port';
import { MemberEmailDirectory } from '../notifications/member-email-directory.port';
import { NotificationSettings } from '../notifications/notification-settings.port';
import { OfferRepository } from '../offers/offer-repository.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import type { JobPayloads } from '../ports/job-payloads';
import { composeRefusalEmail } from './refusal-email.template';
import { DONOR_FOLLOWER_ROLES } from './run-roles';

export type RefusalEmailOutcome = 'SENT' | 'NOT_REFUSED' | 'NO_ADDRESS';

/**
 * A refusal goes back to the donor (docs/domain-rules.md, Refusal): its admins and staff, at least
 * once; a whole one (the claim REFUSED) or a partial one at delivery (the claim DELIVERED with the
 * kilos it accepted, the rest refused).
 */
@Injectable()
export class SendRefusalEmail {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly offers: OfferRepository,
    private readonly organizations: OrganizationRepository,
    private readonly directory: MemberEmailDirectory,
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(payload: JobPayloads['notifications.refusal-email']): Promise<RefusalEmailOutcome> {
    const claim = await this.claims.findById(payload.claimId);
    const refusal = claim?.refusal ?? null;
    if (claim === undefined || refusal === null) return 'NOT_REFUSED';
    const stored = await this.offers.findById(claim.offerId);
    if (stored === undefined) return 'NOT_REFUSED';
    const to = await this.directory.emailsOf(stored.offer.donorOrganizationId, DONOR_FOLLOWER_ROLES);
    if (to.length === 0) return 'NO_ADDRESS';
    const recipient = await this.organizations.findById(claim.recipientOrganizationId);
    await this.mailer.send(
      composeRefusalEmail(
        {
          offerId: stored.offer.id,
          offerTitle: stored.offer.title,
          recipientName: recipient?.name ?? '—',
          refusedKg: refusal.kg,
          acceptedKg: claim.status === ClaimStatus.DELIVERED ? claim.totalKg : 0,
          reason: refusal.reason,
          note: refusal.detail,
          temperatureC: payload.temperatureC,
          publicUrl: this.settings.publicUrl,
        },
        to,
      ),
    );
    return 'SENT';
  }
}
