import { Module, type DynamicModule } from '@nestjs/common';
import { CreatePlatformAdmin } from '#application';
import type { AppConfig } from '#config';
import { AccountsPersistenceModule } from '#persistence';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The API's whole module graph (no HTTP server is started), plus CreatePlatformAdmin, which the API
 * deliberately does not provide: platform admins are made by commands, never through an endpoint.
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: SeedModule, imports: [AppModule.forRoot(config), AccountsPersistenceModule], providers: [CreatePlatformAdmin] };
  }
}
