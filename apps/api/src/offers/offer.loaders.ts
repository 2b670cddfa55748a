import { Injectable } from '@nestjs/common';
import { GetOfferClaims, GetOffers, type OfferClaim, type OfferRef, type VersionedOffer } from '#application';
import DataLoader from 'dataloader';
import { servesOneRequest, type GraphQLContext } from '../graphql/graphql-context';

export interface OfferDataLoaders {
  /** Null for an unknown offer and for one the caller may not read. */
  readonly offer: DataLoader<string, VersionedOffer | null>;
  /** The claims on an offer that the caller may see (GetOfferClaims). */
  readonly claims: DataLoader<OfferRef, readonly OfferClaim[], string>;
}

/**
 * Per-request DataLoaders for offers and their claims, so a page of 100 offers asks for their
 * claims in one query. Kept per GraphQL context; a subscription's context lives as long as the
 * subscription, so there the loaders batch but do not cache (every event must show fresh data).
 */
@Injectable()
export class OfferLoaders {
  private readonly byContext = new WeakMap<object, OfferDataLoaders>();

  constructor(
    private readonly offers: GetOffers,
    private readonly claims: GetOfferClaims,
  ) {}

  of(context: GraphQLContext): OfferDataLoaders {
    let loaders = this.byContext.get(context);
    if (loaders === undefined) {
      loaders = this.create(context, { cache: servesOneRequest(context) });
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  private create(context: GraphQLContext, options: { cache: boolean }): OfferDataLoaders {
    return {
      offer: new DataLoader(async (ids) => {
        const found = await this.offers.execute(context.actor, ids);
        return ids.map((id) => found.get(id) ?? null);
      }, options),
      claims: new DataLoader(
        async (refs) => {
          const found = await this.claims.execute(context.actor, refs);
          return refs.map((ref) => found.get(ref.id) ?? []);
        },
        { ...options, cacheKeyFn: (ref) => ref.id },
      ),
    };
  }
}
