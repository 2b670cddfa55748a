import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { MembershipRepository } from '../organizations/membership-repository.port';
import { ClaimRepository } from '../claims/claim-repository.port';
import type { OfferClaim } from './offer-repository.port';

export interface OfferRef {
  readonly id: string;
  readonly donorOrganizationId: string;
}

/**
 * The claims on offers the caller already reads (Offer.claims). The donor's members and platform
 * admins see every claim on the offer; a recipient sees only its own organisations' claims: who
 * else claimed what is none of its business.
 */
@Injectable()
export class GetOfferClaims {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute(actor: Actor | undefined, offers: readonly OfferRef[]): Promise<ReadonlyMap<string, readonly OfferClaim[]>> {
    const byOffer = new Map<string, OfferClaim[]>(offers.map((offer) => [offer.id, []]));
    if (actor === undefined || offers.length === 0) return byOffer;
    const ownOrganizations = actor.platformAdmin
      ? undefined
      : new Set((await this.memberships.listForUsers([actor.userId])).map((membership) => membership.organizationId));
    const donorOf = new Map(offers.map((offer) => [offer.id, offer.donorOrganizationId]));
    for (const claim of await this.claims.ofOffers([...byOffer.keys()])) {
      const donor = donorOf.get(claim.offerId);
      const visible =
        ownOrganizations === undefined || (donor !== undefined && ownOrganizations.has(donor)) || ownOrganizations.has(claim.recipientOrganizationId);
      if (visible) byOffer.get(claim.offerId)?.push(claim);
    }
    return byOffer;
  }
}
