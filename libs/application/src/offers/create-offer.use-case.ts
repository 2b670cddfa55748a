import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, Offer, OrganizationKind, type OfferItemInput } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { Authorizer } from '../organizations/authorizer.service';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { SiteRepository } from '../organizations/site-repository.port';
import { OfferRepository, type VersionedOffer } from './offer-repository.port';

/** Who may post offers for a donor: its admins and staff; drivers only move goods. */
export const OFFER_EDITOR_ROLES = [MemberRole.ADMIN, MemberRole.STAFF] as const;

export interface CreateOfferCommand {
  readonly actor: Actor | undefined;
  readonly siteId: string;
  readonly title: string;
  readonly items: readonly OfferItemInput[];
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
}

/** A donor's admin or staff posts a lot at one of its sites; it starts as a DRAFT. */
@Injectable()
export class CreateOffer {
  constructor(
    private readonly offers: OfferRepository,
    private readonly sites: SiteRepository,
    private readonly organizations: OrganizationRepository,
    private readonly authorizer: Authorizer,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateOfferCommand): Promise<VersionedOffer> {
    if (command.actor === undefined) throw new DomainError('UNAUTHENTICATED');
    // An unknown site and another organisation's site get the same answer: ids cannot be probed.
    const site = await this.sites.findById(command.siteId);
    if (site === undefined || (await this.authorizer.roleFor(command.actor, site.organizationId, OFFER_EDITOR_ROLES)) === undefined) {
      throw new DomainError('FORBIDDEN', 'siteId');
    }
    const donor = await this.organizations.findById(site.organizationId);
    if (donor === undefined || donor.kind !== OrganizationKind.DONOR) throw new DomainError('NOT_A_DONOR', 'siteId');

    // Offer.create checks every rule (items, dates, GTINs, window) before anything is written.
    const offer = Offer.create(
      {
        id: randomUUID(),
        donorOrganizationId: donor.id,
        siteId: site.id,
        title: command.title,
        items: command.items.map((item) => ({ ...item, id: randomUUID() })),
        pickupFrom: command.pickupFrom,
        pickupUntil: command.pickupUntil,
      },
      this.clock.now(),
    );
    return this.unitOfWork.run(() => this.offers.add(offer, { location: site.location, createdBy: command.actor?.userId ?? null }));
  }
}
