import { Module, type DynamicModule } from '@nestjs/common';
import { ClockModule, CreatePlatformAdmin } from '#application';
import type { AppConfig } from '#config';
import { AccountsPersistenceModule, PersistenceModule } from '#persistence';
import { AppModule } from '../../apps/api/src/app.module';
import { OrganizationsModule } from '../../apps/api/src/organizations/organizations.module';

/**
 * The API's whole module graph (no HTTP server is started), plus CreatePlatformAdmin, which the API
 * deliberately does not provide: platform admins are made by commands, never through an endpoint.
 * OrganizationsModule gives it the InvitationAcceptor, as at registration.
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [AppModule.forRoot(config), AccountsPersistenceModule, PersistenceModule, OrganizationsModule, ClockModule],
      providers: [CreatePlatformAdmin],
    };
  }
}
