import { Module } from '@nestjs/common';
import { ClockModule, GetMapFeatures, MapAccessPolicy } from '#application';
import { RateLimitModule } from '#jobs';
import { MapPersistenceModule, OrganizationsPersistenceModule } from '#persistence';
import { AccessTokenModule } from '../auth/access-token.module';
import { BearerTokenGuard } from '../http/bearer-token.guard';
import { MapFeaturesController } from './map-features.controller';

/** The live map feed over REST, behind a bearer access token; who may read it is GetMapFeatures' rule. */
@Module({
  imports: [MapPersistenceModule, OrganizationsPersistenceModule, AccessTokenModule, ClockModule, RateLimitModule],
  controllers: [MapFeaturesController],
  providers: [GetMapFeatures, MapAccessPolicy, BearerTokenGuard],
})
export class MapModule {}
