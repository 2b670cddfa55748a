import type { AppConfig } from '#config';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one definition of the database connection, shared by the app, the TypeORM CLI and the tests. */
export function buildDataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'nodeEnv'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema changes through reviewed migrations only.
    synchronize: false,
    migrationsRun: false,
    // Extensions need a superuser; they are created by provisioning and migrations, never at connect.
    installExtensions: false,
    applicationName: `glane-${process.title}`,
    extra: {
      max: config.nodeEnv === 'test' ? 5 : 20,
      connectionTimeoutMillis: 5000,
      // A runaway query must not hold a connection for ever.
      statement_timeout: 30000,
    },
  };
}
