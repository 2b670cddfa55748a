import { Module } from '@nestjs/common';
import { CancelClaim, ClaimOffer, ListClaims } from '#application';
import { ClaimsPersistenceModule, MatchingPersistenceModule } from '#persistence';
import { ClaimsResolver } from './claims.resolver';

/**
 * claimOffer, cancelClaim and claims. Authorizer, the organisation and offer repositories and the
 * offer loaders come from the global organisations and offers modules.
 */
@Module({
  imports: [ClaimsPersistenceModule, MatchingPersistenceModule],
  providers: [ClaimOffer, CancelClaim, ListClaims, ClaimsResolver],
})
export class ClaimsModule {}
