import { Injectable } from '@nestjs/common';
import { MemberRole } from '#domain';
import { Mailer } from '../notifications/mailer.port';
import { MemberEmailDirectory } from '../notifications/member-email-directory.port';
import { NotificationSettings } from '../notifications/notification-settings.port';
import { OfferRepository } from '../offers/offer-repository.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import type { JobPayloads } from '../ports/job-payloads';
import { composeClaimEmail } from './claim-email.template';
import { ClaimRepository } from './claim-repository.port';

const TOLD_ROLES = [MemberRole.ADMIN, MemberRole.STAFF] as const;

export type ClaimEmailOutcome = 'SENT' | 'NO_CLAIM' | 'NO_ADDRESS';

/**
 * Tells the other party: the donor's admins and staff of a claim made, or cancelled by the
 * recipient; the recipient's of a claim the donor cancelled (or withdrew the offer under). At least
 * once: a retry after the SMTP hand-off sends it again, better than losing it.
 */
@Injectable()
export class SendClaimEmail {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly offers: OfferRepository,
    private readonly organizations: OrganizationRepository,
    private readonly directory: MemberEmailDirectory,
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(payload: JobPayloads['notifications.claim-email']): Promise<ClaimEmailOutcome> {
    const claim = await this.claims.findById(payload.claimId);
    if (claim === undefined) return 'NO_CLAIM';
    const stored = await this.offers.findById(claim.offerId);
    if (stored === undefined) return 'NO_CLAIM';
    const snapshot = claim.toSnapshot();
    const offer = stored.offer;
    const toDonor = payload.kind === 'CLAIMED' || snapshot.cancelledBy === 'RECIPIENT';
    const to = await this.directory.emailsOf(toDonor ? offer.donorOrganizationId : claim.recipientOrganizationId, TOLD_ROLES);
    if (to.length === 0) return 'NO_ADDRESS';
    const [donor, recipient] = await Promise.all([
      this.organizations.findById(offer.donorOrganizationId),
      this.organizations.findById(claim.recipientOrganizationId),
    ]);
    if (donor === undefined || recipient === undefined) throw new Error(`claim ${claim.id}: donor or recipient missing`);
    await this.mailer.send(
      composeClaimEmail(
        {
          kind: payload.kind,
          offerId: offer.id,
          offerTitle: offer.title,
          recipientName: recipient.name,
          donorName: donor.name,
          totalKg: claim.totalKg,
          pickupFrom: offer.pickupFrom,
          pickupUntil: offer.pickupUntil,
          cancelledBy: payload.kind === 'CLAIMED' ? null : snapshot.cancelledBy,
          reason: payload.kind === 'CLAIMED' ? null : snapshot.cancellationReason,
          publicUrl: this.settings.publicUrl,
        },
        to,
      ),
    );
    return 'SENT';
  }
}
