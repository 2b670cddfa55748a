import { Module } from '@nestjs/common';
import { MapFeatureSource } from '#application';
import { SqlMapFeatureSource } from './map-feature.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the live map's read port to PostgreSQL/PostGIS. */
@Module({
  imports: [PersistenceModule],
  providers: [{ provide: MapFeatureSource, useClass: SqlMapFeatureSource }],
  exports: [MapFeatureSource],
})
export class MapPersistenceModule {}
