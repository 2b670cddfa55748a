import { Module } from '@nestjs/common';
import { CancelClaim, ClaimOffer, ClockModule, ListClaims } from '#application';
import { ClaimsPersistenceModule, MatchingPersistenceModule, PersistenceModule } from '#persistence';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClaimsResolver } from './claims.resolver';

/** claimOffer, cancelClaim and claims. */
@Module({
  imports: [ClaimsPersistenceModule, MatchingPersistenceModule, PersistenceModule, OffersModule, OrganizationsModule, ClockModule],
  providers: [ClaimOffer, CancelClaim, ListClaims, ClaimsResolver],
})
export class ClaimsModule {}
