import { Injectable } from '@nestjs/common';
import { DomainError, isDomainError, Offer, OfferStatus, type ClaimCanceller } from '#domain';
import type { Actor } from '../auth/actor';
import { OfferRepository, type OfferClaim } from '../offers/offer-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { CLAIMER_ROLES, viewOf } from './claim-offer.use-case';
import { ClaimRepository } from './claim-repository.port';
import { PickupRepository } from './pickup-repository.port';

export interface CancelClaimCommand {
  readonly actor: Actor | undefined;
  readonly claimId: string;
  readonly reason?: string | null;
}

/**
 * Before collection, the recipient that claimed (reason optional) or the donor whose offer it is
 * (reason required) cancels a claim. In one transaction, offer first then claim (the order every
 * writer locks them in): the kilos go back to the offer, which reopens if it was fully claimed and
 * its window is still open (an expired offer keeps its status, and is COLLECTED if this was the last
 * claim waiting while others were collected: Offer.followClaims), the pickup is cancelled, and the
 * claim records the event that tells subscribers and the other party.
 */
@Injectable()
export class CancelClaim {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly offers: OfferRepository,
    private readonly pickups: PickupRepository,
    private readonly authorizer: Authorizer,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelClaimCommand): Promise<OfferClaim> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const found = await this.claims.findById(command.claimId);
    if (found === undefined) throw new DomainError('NOT_FOUND', 'id');
    const stored = await this.offers.findById(found.offerId);
    if (stored === undefined) throw new Error(`claim ${found.id}: offer ${found.offerId} not found`);
    const by = await this.canceller(actor, found.recipientOrganizationId, stored.offer.donorOrganizationId);

    return this.unitOfWork.run(async () => {
      const locked = await this.offers.findById(found.offerId, { forUpdate: true });
      const claim = await this.claims.findById(found.id, { forUpdate: true });
      if (locked === undefined || claim === undefined) throw new DomainError('NOT_FOUND', 'id');
      const now = this.clock.now();
      try {
        claim.cancel(by, command.reason ?? null, actor.userId, now);
      } catch (error) {
        if (isDomainError(error) && error.code === 'ILLEGAL_CLAIM_TRANSITION') throw new DomainError(error.code, 'id', error.params);
        throw error;
      }
      await this.claims.update(claim);
      // A withdrawn offer gives nothing back: its goods are not on offer any more.
      if (locked.offer.status !== OfferStatus.WITHDRAWN) {
        const offer = Offer.restore(locked.offer.toSnapshot());
        offer.release(
          claim.lines.map((line) => ({ itemId: line.itemId, quantityKg: line.kg })),
          now,
        );
        offer.followClaims(await this.claims.progressOfOffer(offer.id), now);
        await this.offers.update(offer, locked.version);
      }
      await this.pickups.cancelForClaim(claim.id, now);
      return viewOf(claim);
    });
  }

  /** The recipient's members act as the recipient; the donor's as the donor; anyone else is refused. */
  private async canceller(actor: Actor, recipientOrganizationId: string, donorOrganizationId: string): Promise<ClaimCanceller> {
    if ((await this.authorizer.roleFor(actor, recipientOrganizationId, CLAIMER_ROLES)) !== undefined) return 'RECIPIENT';
    if ((await this.authorizer.roleFor(actor, donorOrganizationId, [...CLAIMER_ROLES])) !== undefined) return 'DONOR';
    throw new DomainError('FORBIDDEN', 'id');
  }
}
