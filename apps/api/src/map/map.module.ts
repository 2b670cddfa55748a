import { Module } from '@nestjs/common';
import { GetMapFeatures } from '#application';
import { MapPersistenceModule } from '#persistence';
import { BearerTokenGuard } from '../http/bearer-token.guard';
import { MapFeaturesController } from './map-features.controller';

/** The live map feed over REST. AccessTokenVerifier comes from the global AccessTokenModule. */
@Module({
  imports: [MapPersistenceModule],
  controllers: [MapFeaturesController],
  providers: [GetMapFeatures, BearerTokenGuard],
})
export class MapModule {}
