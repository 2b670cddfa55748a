import { Module } from '@nestjs/common';
import { OfferRepository } from '#application';
import { TypeOrmOfferRepository } from './offer.repository';

/** Binds the offers port to PostgreSQL/PostGIS. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [{ provide: OfferRepository, useClass: TypeOrmOfferRepository }],
  exports: [OfferRepository],
})
export class OffersPersistenceModule {}
