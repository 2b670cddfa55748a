import { Module } from '@nestjs/common';
import { ClaimRepository, PickupRepository } from '#application';
import { PersistenceModule } from '../persistence.module';
import { TypeOrmClaimRepository } from './claim.repository';
import { TypeOrmPickupRepository } from './pickup.repository';

/** Binds the claims and pickups ports to PostgreSQL. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: ClaimRepository, useClass: TypeOrmClaimRepository },
    { provide: PickupRepository, useClass: TypeOrmPickupRepository },
  ],
  exports: [ClaimRepository, PickupRepository],
})
export class ClaimsPersistenceModule {}
