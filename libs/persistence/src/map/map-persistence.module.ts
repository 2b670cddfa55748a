import { Module } from '@nestjs/common';
import { MapFeatureSource } from '#application';
import { SqlMapFeatureSource } from './map-feature.repository';

/** Binds the live map's read port to PostgreSQL/PostGIS. Needs the global PersistenceModule (DataSource). */
@Module({
  providers: [{ provide: MapFeatureSource, useClass: SqlMapFeatureSource }],
  exports: [MapFeatureSource],
})
export class MapPersistenceModule {}
