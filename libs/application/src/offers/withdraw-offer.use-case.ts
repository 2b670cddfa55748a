import { Injectable } from '@nestjs/common';
import { DomainError, isDomainError, Offer } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { Authorizer } from '../organizations/authorizer.service';
import { OFFER_EDITOR_ROLES } from './create-offer.use-case';
import { ClaimRepository } from '../claims/claim-repository.port';
import { PickupRepository } from '../claims/pickup-repository.port';
import { OfferRepository, type VersionedOffer } from './offer-repository.port';

export interface WithdrawOfferCommand {
  readonly actor: Actor | undefined;
  readonly offerId: string;
  readonly reason: string;
}

/**
 * The donor takes its offer back, before collection only (goods that left the site cannot be
 * un-given). Claims still confirmed on it are cancelled in the same transaction, with the reason,
 * so recipients learn why (each cancellation is traced and e-mailed like any other), and their
 * pickups with them.
 */
@Injectable()
export class WithdrawOffer {
  constructor(
    private readonly offers: OfferRepository,
    private readonly authorizer: Authorizer,
    private readonly unitOfWork: UnitOfWork,
    private readonly claims: ClaimRepository,
    private readonly pickups: PickupRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawOfferCommand): Promise<VersionedOffer> {
    if (command.actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const actor = command.actor;
    return this.unitOfWork.run(async () => {
      // Locked: a claim arriving now waits for us, then sees WITHDRAWN.
      const stored = await this.offers.findById(command.offerId, { forUpdate: true });
      if (stored === undefined) throw new DomainError('NOT_FOUND', 'id');
      await this.authorizer.assertActsFor(actor, stored.offer.donorOrganizationId, OFFER_EDITOR_ROLES);
      const offer = Offer.restore(stored.offer.toSnapshot());
      const now = this.clock.now();
      try {
        offer.withdraw(command.reason, now, actor.userId);
      } catch (error) {
        // The state machine does not know which argument named the offer; the client does.
        if (isDomainError(error) && error.code === 'ILLEGAL_OFFER_TRANSITION') {
          throw new DomainError('ILLEGAL_OFFER_TRANSITION', 'id', error.params);
        }
        throw error;
      }
      const version = await this.offers.update(offer, stored.version);
      for (const claim of await this.claims.findConfirmedOfOffer(offer.id)) {
        claim.cancel('WITHDRAWAL', offer.withdrawalReason ?? command.reason, actor.userId, now);
        await this.claims.update(claim);
        await this.pickups.cancelForClaim(claim.id, now);
      }
      return { offer, version, location: stored.location };
    });
  }
}
