import { Module } from '@nestjs/common';
import { ClaimRepository, PickupRepository } from '#application';
import { TypeOrmClaimRepository } from './claim.repository';
import { TypeOrmPickupRepository } from './pickup.repository';

/** Binds the claims and pickups ports to PostgreSQL. Needs the global PersistenceModule (DataSource, DomainEventWriter). */
@Module({
  providers: [
    { provide: ClaimRepository, useClass: TypeOrmClaimRepository },
    { provide: PickupRepository, useClass: TypeOrmPickupRepository },
  ],
  exports: [ClaimRepository, PickupRepository],
})
export class ClaimsPersistenceModule {}
