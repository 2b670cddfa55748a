import { Module } from '@nestjs/common';
import { OfferRepository } from '#application';
import { TypeOrmOfferRepository } from './offer.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the offers port to PostgreSQL/PostGIS. */
@Module({
  imports: [PersistenceModule],
  providers: [{ provide: OfferRepository, useClass: TypeOrmOfferRepository }],
  exports: [OfferRepository],
})
export class OffersPersistenceModule {}
