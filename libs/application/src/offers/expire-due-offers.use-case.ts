import { Injectable, Logger } from '@nestjs/common';
import { isDomainError, isOpenToClaims, Offer } from '#domain';
import { ClaimRepository } from '../claims/claim-repository.port';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { OfferRepository } from './offer-repository.port';

export const EXPIRY_BATCH_SIZE = 100;

export interface ExpiryReport {
  readonly expired: number;
  /** Candidates another writer changed first (a claim, a withdrawal): the next sweep looks again. */
  readonly conflicts: number;
}

/**
 * The scheduled sweep: open offers whose pickup window is over, or whose remaining DLC items leave
 * no recipient its margin (the smallest margin any recipient declares), become EXPIRED. Each offer
 * is expired in its own transaction against the version it was read at, so a claim or withdrawal
 * racing with the sweep is never overwritten: whichever commits second gets CONFLICT, and for the
 * sweep that only means "leave it". Idempotent: a second run finds nothing left to do. An offer whose
 * claims were all collected before it expired moves on to COLLECTED in the same transaction
 * (Offer.followClaims): no stop event is left to move it later. COLLECTED offers are never candidates.
 */
@Injectable()
export class ExpireDueOffers {
  private readonly logger = new Logger(ExpireDueOffers.name);

  constructor(
    private readonly offers: OfferRepository,
    private readonly claims: ClaimRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<ExpiryReport> {
    const now = this.clock.now();
    const minMarginHours = (await this.offers.smallestRecipientDlcMarginHours()) ?? 0;
    let expired = 0;
    let conflicts = 0;
    let afterId: string | undefined;
    for (;;) {
      const ids = await this.offers.findExpiryCandidates(now, minMarginHours, EXPIRY_BATCH_SIZE, afterId);
      for (const id of ids) {
        const outcome = await this.expireOne(id, now, minMarginHours);
        if (outcome === 'expired') {
          expired += 1;
        } else if (outcome === 'conflict') {
          conflicts += 1;
        }
      }
      if (ids.length < EXPIRY_BATCH_SIZE) break;
      afterId = ids.at(-1);
    }
    if (expired > 0 || conflicts > 0) this.logger.log(`expired ${expired} offer(s); ${conflicts} changed meanwhile`);
    return { expired, conflicts };
  }

  private async expireOne(id: string, now: Date, minMarginHours: number): Promise<'expired' | 'skipped' | 'conflict'> {
    try {
      return await this.unitOfWork.run(async () => {
        const stored = await this.offers.findById(id);
        if (stored === undefined) return 'skipped';
        const offer = Offer.restore(stored.offer.toSnapshot());
        if (!isOpenToClaims(offer.status)) return 'skipped';
        if (offer.expiryReasonAt(now, minMarginHours) === null) return 'skipped';
        offer.expire(now, minMarginHours);
        // Read without the offer's lock: a collection committed since the offer was read wrote a new
        // version (RecordStopEvent), so a stale view of the claims ends in CONFLICT and the next sweep.
        offer.followClaims(await this.claims.progressOfOffer(offer.id), now);
        await this.offers.update(offer, stored.version);
        return 'expired';
      });
    } catch (error) {
      if (isDomainError(error) && error.code === 'CONFLICT') return 'conflict';
      throw error;
    }
  }
}
