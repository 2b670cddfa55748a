import { Injectable } from '@nestjs/common';
import { ClaimRepository } from '../claims/claim-repository.port';
import type { OfferClaim } from '../offers/offer-repository.port';

/**
 * The claims of stops the caller already sees (PickupStop.claim): whoever may follow a stop may
 * read the claim it carries, so this adds no rule of its own. Batched by the API's loaders.
 */
@Injectable()
export class GetRunClaims {
  constructor(private readonly claims: ClaimRepository) {}

  async execute(claimIds: readonly string[]): Promise<ReadonlyMap<string, OfferClaim>> {
    return new Map((await this.claims.views(claimIds)).map((claim) => [claim.id, claim]));
  }
}
