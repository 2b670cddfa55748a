import { Module } from '@nestjs/common';
import { ClockModule, GetMapFeatures } from '#application';
import { MapPersistenceModule } from '#persistence';
import { AccessTokenModule } from '../auth/access-token.module';
import { BearerTokenGuard } from './bearer-token.guard';
import { MapFeaturesController } from './map-features.controller';

/** The live map feed over REST, behind a bearer access token. */
@Module({
  imports: [MapPersistenceModule, AccessTokenModule, ClockModule],
  controllers: [MapFeaturesController],
  providers: [GetMapFeatures, BearerTokenGuard],
})
export class MapModule {}
