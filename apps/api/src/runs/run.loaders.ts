import { Injectable } from '@nestjs/common';
import { GetRunClaims, type OfferClaim } from '#application';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../graphql/graphql-context';

export interface RunDataLoaders {
  /** The claims of stops the caller sees (a day of runs asks for them in one query). */
  readonly claim: DataLoader<string, OfferClaim | null>;
}

/**
 * Per-request DataLoaders for runs, kept per GraphQL context; a subscription's context lives as long
 * as the subscription, so there they batch but do not cache (every event must show fresh data).
 */
@Injectable()
export class RunLoaders {
  private readonly byContext = new WeakMap<object, RunDataLoaders>();

  constructor(private readonly claims: GetRunClaims) {}

  of(context: GraphQLContext): RunDataLoaders {
    let loaders = this.byContext.get(context);
    if (loaders === undefined) {
      const options = { cache: context.req !== undefined };
      loaders = {
        claim: new DataLoader(async (ids) => {
          const found = await this.claims.execute(ids);
          return ids.map((id) => found.get(id) ?? null);
        }, options),
      };
      this.byContext.set(context, loaders);
    }
    return loaders;
  }
}
