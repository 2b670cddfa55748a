import { Injectable } from '@nestjs/common';
import { isOpenToClaims, MemberRole } from '#domain';
import { OfferRepository } from '../offers/offer-repository.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { SiteRepository } from '../organizations/site-repository.port';
import { Clock } from '../ports/clock.port';
import type { OfferMatchNotice } from '../ports/job-payloads';
import { Mailer } from './mailer.port';
import { MemberEmailDirectory } from './member-email-directory.port';
import { NotificationSettings } from './notification-settings.port';
import { OfferNotificationRepository } from './offer-notification-repository.port';
import { composeOfferEmail } from './offer-email.template';

/** Those who can claim for the recipient; drivers only carry what was claimed. */
export const OFFER_EMAIL_ROLES = [MemberRole.ADMIN, MemberRole.STAFF] as const;

export type OfferEmailOutcome = 'SENT' | 'ALREADY_SENT' | 'NO_NOTICE' | 'OFFER_CLOSED' | 'NO_ADDRESS';

/**
 * Sends the e-mail of one notice to the recipient's admins and staff, then records it as sent.
 * Idempotent: a notice already marked sent is skipped. A crash between the SMTP hand-off and the
 * mark sends it again on retry (at least once: better a duplicate e-mail than a lost offer).
 */
@Injectable()
export class SendOfferEmail {
  constructor(
    private readonly notices: OfferNotificationRepository,
    private readonly offers: OfferRepository,
    private readonly organizations: OrganizationRepository,
    private readonly sites: SiteRepository,
    private readonly directory: MemberEmailDirectory,
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettings,
    private readonly clock: Clock,
  ) {}

  async execute(notice: OfferMatchNotice): Promise<OfferEmailOutcome> {
    const recorded = await this.notices.find(notice.offerId, notice.recipientOrganizationId);
    if (recorded === undefined) return 'NO_NOTICE';
    if (recorded.emailSentAt !== null) return 'ALREADY_SENT';
    const stored = await this.offers.findById(notice.offerId);
    // Claimed, collected, withdrawn or expired meanwhile: an e-mail would only send people to a dead end.
    if (stored === undefined || !isOpenToClaims(stored.offer.status)) {
      return 'OFFER_CLOSED';
    }
    const to = await this.directory.emailsOf(notice.recipientOrganizationId, OFFER_EMAIL_ROLES);
    if (to.length === 0) return 'NO_ADDRESS';
    const offer = stored.offer;
    const [donor, recipient, site] = await Promise.all([
      this.organizations.findById(offer.donorOrganizationId),
      this.organizations.findById(notice.recipientOrganizationId),
      this.sites.findById(offer.siteId),
    ]);
    if (donor === undefined || recipient === undefined || site === undefined) throw new Error(`offer ${offer.id}: donor, recipient or site missing`);
    const message = composeOfferEmail(
      {
        offerId: offer.id,
        offerTitle: offer.title,
        donorName: donor.name,
        siteName: site.name,
        siteAddress: site.address,
        pickupFrom: offer.pickupFrom,
        pickupUntil: offer.pickupUntil,
        availableKg: offer.remainingKg,
        distanceKm: notice.distanceKm,
        recipientName: recipient.name,
        reasons: notice.reasons,
        publicUrl: this.settings.publicUrl,
      },
      to,
    );
    await this.mailer.send(message);
    await this.notices.markEmailSent(notice.offerId, notice.recipientOrganizationId, this.clock.now());
    return 'SENT';
  }
}
