import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { OfferRepository, type VersionedOffer } from './offer-repository.port';
import { OfferVisibilityPolicy } from './offer-visibility.service';

/**
 * Offers by id, as far as the caller may read them (OfferVisibility); for `offer(id)`, the
 * offerChanged subscription and DataLoader batches. An offer the caller may not read is simply
 * absent, exactly like an unknown id, so ids cannot be probed.
 */
@Injectable()
export class GetOffers {
  constructor(
    private readonly offers: OfferRepository,
    private readonly visibility: OfferVisibilityPolicy,
  ) {}

  async execute(actor: Actor | undefined, ids: readonly string[]): Promise<ReadonlyMap<string, VersionedOffer>> {
    const visibility = await this.visibility.of(actor);
    const found = ids.length === 0 ? [] : await this.offers.findVisible([...new Set(ids)], visibility);
    return new Map(found.map((stored) => [stored.offer.id, stored]));
  }

  async one(actor: Actor | undefined, id: string): Promise<VersionedOffer | undefined> {
    return (await this.execute(actor, [id])).get(id);
  }
}
