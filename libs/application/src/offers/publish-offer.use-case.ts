import { Injectable } from '@nestjs/common';
import { DomainError, isDomainError, Offer } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { assertMayActAsDonor } from '../organizations/donor-vetting.policy';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { broadcastJobId, FIRST_CIRCLE } from '../notifications/broadcast-offer.use-case';
import { OFFER_EDITOR_ROLES } from './create-offer.use-case';
import { OfferRepository, type VersionedOffer } from './offer-repository.port';

export interface PublishOfferCommand {
  readonly actor: Actor | undefined;
  readonly offerId: string;
}

/**
 * DRAFT → PUBLISHED, by the donor's admins and staff. The new status, its trace (OFFERED, which
 * also tells live subscribers after commit) and the first circle of the broadcast cascade are
 * written in one transaction: a published offer always gets broadcast, and a publish that fails
 * tells nobody. An offer holding an expired DLC item is refused (DLC_EXPIRED, with the item's
 * field) and stays a draft; so is the offer of a donor a platform admin has not verified yet
 * (ORGANIZATION_NOT_VERIFIED).
 */
@Injectable()
export class PublishOffer {
  constructor(
    private readonly offers: OfferRepository,
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: PublishOfferCommand): Promise<VersionedOffer> {
    if (command.actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const actor = command.actor;
    return this.unitOfWork.run(async () => {
      const stored = await this.offers.findById(command.offerId, { forUpdate: true });
      if (stored === undefined) throw new DomainError('NOT_FOUND', 'id');
      await this.authorizer.assertActsFor(actor, stored.offer.donorOrganizationId, OFFER_EDITOR_ROLES);
      assertMayActAsDonor(await this.organizations.findById(stored.offer.donorOrganizationId), 'id');
      const offer = Offer.restore(stored.offer.toSnapshot());
      try {
        offer.publish(this.clock.now(), actor.userId);
      } catch (error) {
        // The state machine does not know which argument named the offer; the client does.
        if (isDomainError(error) && (error.code === 'ILLEGAL_OFFER_TRANSITION' || error.code === 'PICKUP_WINDOW_OVER') && error.field === undefined) {
          throw new DomainError(error.code, error.code === 'PICKUP_WINDOW_OVER' ? 'pickupUntil' : 'id', error.params);
        }
        throw error;
      }
      const version = await this.offers.update(offer, stored.version);
      await this.outbox.add('offers.broadcast', { offerId: offer.id, circle: FIRST_CIRCLE }, { jobId: broadcastJobId(offer.id, FIRST_CIRCLE) });
      return { offer, version, location: stored.location };
    });
  }
}
