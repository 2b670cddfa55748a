import { Injectable, Logger } from '@nestjs/common';
import { isOpenToClaims, OfferStatus } from '#domain';
import { FindOfferMatches } from '../matching/find-offer-matches.use-case';
import { reasonsToTell, type OfferMatchResult } from '../matching/offer-match.model';
import { OfferRepository } from '../offers/offer-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobOutbox } from '../ports/job-outbox.port';
import type { OfferMatchNotice } from '../ports/job-payloads';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { NotificationSettings } from './notification-settings.port';
import { OfferNotificationRepository } from './offer-notification-repository.port';

export const FIRST_CIRCLE = 1;
/** The last circle tells every eligible recipient not told yet; the cascade ends there. */
export const LAST_CIRCLE = 3;

/** Deterministic, so a replayed outbox row or a retried circle never schedules a circle twice. */
export const broadcastJobId = (offerId: string, circle: number): string => `broadcast-${offerId}-${circle}`;
export const offerEmailJobId = (offerId: string, recipientOrganizationId: string): string => `offer-email-${offerId}-${recipientOrganizationId}`;

export interface BroadcastOfferCommand {
  readonly offerId: string;
  readonly circle: number;
}

/**
 * One circle of the broadcast cascade. Circle 1 (at publication) tells the best few eligible
 * recipients; if the offer is still wholly unclaimed when the next circle comes due, circle 2 tells
 * the next few, and circle 3 every other eligible recipient. Each circle schedules the next one,
 * delayed by the configured wait.
 *
 * Idempotent: the notices are inserted with ON CONFLICT DO NOTHING and only the rows actually
 * inserted lead to an e-mail job and a live event, so a retried job or two circles overlapping never
 * tell a recipient twice. The notices, their e-mail jobs and the next circle are written in one
 * transaction; the live events follow the commit.
 */
@Injectable()
export class BroadcastOffer {
  private readonly logger = new Logger(BroadcastOffer.name);

  constructor(
    private readonly offers: OfferRepository,
    private readonly matches: FindOfferMatches,
    private readonly notices: OfferNotificationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: JobOutbox,
    private readonly events: EventPublisher,
    private readonly settings: NotificationSettings,
  ) {}

  /** The recipients told by this run (none when the offer is no longer open, or all were told). */
  async execute(command: BroadcastOfferCommand): Promise<OfferMatchNotice[]> {
    const { offerId, circle } = command;
    if (!Number.isInteger(circle) || circle < FIRST_CIRCLE || circle > LAST_CIRCLE) throw new Error(`broadcast circle ${circle} out of range`);
    const stored = await this.offers.findById(offerId);
    if (stored === undefined || !circleMayRun(stored.offer.status, circle)) return [];

    const ranked = await this.matches.rankedMatches(offerId);
    const alreadyTold = await this.notices.notifiedRecipientIds(offerId);
    const untold = ranked.filter((match) => !alreadyTold.has(match.recipientOrganizationId));
    const chosen = circle === LAST_CIRCLE ? untold : untold.slice(0, this.settings.circleSize);

    const told = await this.unitOfWork.run(async () => {
      const recorded = new Set(
        await this.notices.record(
          offerId,
          circle,
          chosen.map((match) => ({ recipientOrganizationId: match.recipientOrganizationId, rank: match.rank, score: match.score })),
        ),
      );
      const notices = chosen.filter((match) => recorded.has(match.recipientOrganizationId)).map((match) => toNotice(match, circle));
      for (const notice of notices) {
        await this.outbox.add('notifications.offer-email', notice, { jobId: offerEmailJobId(offerId, notice.recipientOrganizationId) });
      }
      if (circle < LAST_CIRCLE) {
        await this.outbox.add(
          'offers.broadcast',
          { offerId, circle: circle + 1 },
          { jobId: broadcastJobId(offerId, circle + 1), delayMs: this.settings.circleWaitMs },
        );
      }
      return notices;
    });

    // After the commit: a subscriber must be able to load what it is told about. A lost live event is
    // covered by the e-mail (a durable job); re-publishing on retry would tell some people twice.
    for (const notice of told) {
      try {
        await this.events.publish('offers.matched', notice);
      } catch (error) {
        this.logger.warn(
          `offers.matched not published for ${offerId} → ${notice.recipientOrganizationId}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return told;
  }
}

/**
 * Circle 1 runs while the offer is open (a quick claim from claimableOffers does not stop the first
 * notices); later circles only while nothing at all has been claimed.
 */
function circleMayRun(status: OfferStatus, circle: number): boolean {
  if (circle === FIRST_CIRCLE) return isOpenToClaims(status);
  return status === OfferStatus.PUBLISHED;
}

function toNotice(match: OfferMatchResult, circle: number): OfferMatchNotice {
  return {
    offerId: match.offerId,
    recipientOrganizationId: match.recipientOrganizationId,
    siteId: match.siteId,
    distanceKm: match.distanceKm,
    score: match.score,
    rank: match.rank,
    absorbableKg: match.absorbableKg,
    fit: match.fit,
    circle,
    reasons: reasonsToTell(match.reasons).map((reason) => ({ code: reason.code, fr: reason.fr, en: reason.en })),
  };
}
