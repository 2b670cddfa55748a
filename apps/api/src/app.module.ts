import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, ConfigModule, loggerOptions, type AppConfig } from '#config';
import { JobsModule } from '#jobs';
import { PersistenceModule } from '#persistence';
import { LoggerModule } from 'nestjs-pino';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { GraphQLOptionsFactory } from './graphql/graphql-options.factory';
import { HealthModule } from './health/health.module';
import { AccessTokenModule } from './auth/access-token.module';
import { LiveConnectionsModule } from './live/live-connections.module';

import { AccountsModule } from './accounts/accounts.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { OffersModule } from './offers/offers.module';
import { PublishOfferModule } from './offers/publish-offer.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SystemModule } from './system/system.module';
import { AllocationModule } from './allocation/allocation.module';
import { MapModule } from './map/map.module';
import { MatchingModule } from './matching/matching.module';
import { ClaimsModule } from './claims/claims.module';
import { FleetModule } from './fleet/fleet.module';
import { CalendarModule } from './calendar/calendar.module';
import { RunsModule } from './runs/runs.module';

/**
 * The API's composition root: every module is imported here or by a module imported here, and each
 * module imports what its providers need (no global modules besides the validated configuration).
 */
@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggerOptions }),
        PersistenceModule,
        JobsModule.forProducer(),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccessTokenModule, LiveConnectionsModule],
          useClass: GraphQLOptionsFactory,
        }),
        HealthModule,
        SystemModule,
        AccountsModule,
        OrganizationsModule,
        AllocationModule,
        MapModule,
        OffersModule,
        PublishOfferModule,
        NotificationsModule,
        MatchingModule,
        ClaimsModule,
        FleetModule,
        CalendarModule,
        RunsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
    };
  }
}
