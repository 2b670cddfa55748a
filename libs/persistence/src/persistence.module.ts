import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseConnector } from './database-connector.service';
import { ENTITIES } from './entities';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Connecting is DatabaseConnector's job, so a database that is down does not stop start-up.
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config), manualInitialization: true }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [DatabaseConnector],
  exports: [DatabaseConnector, TypeOrmModule],
})
export class PersistenceModule {}
