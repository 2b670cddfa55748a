import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventWriter, JobOutbox, OutboxRelayStore, UnitOfWork } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseConnector } from './database-connector.service';
import { ENTITIES } from './entities';
import { SqlDomainEventWriter } from './events/sql-domain-event-writer';
import { TypeOrmJobOutbox, TypeOrmOutboxRelayStore } from './outbox/typeorm-job-outbox';
import { TypeOrmUnitOfWork } from './transactions/typeorm-unit-of-work';

/**
 * The DataSource, the entities' repositories, the unit of work and the outbox. Every persistence
 * module that binds a port imports it; the apps import those modules (and this one for the unit of
 * work), so the wiring is visible from each app's root.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Connecting is DatabaseConnector's job, so a database that is down does not stop start-up.
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config), manualInitialization: true }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [
    DatabaseConnector,
    { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
    { provide: JobOutbox, useClass: TypeOrmJobOutbox },
    { provide: OutboxRelayStore, useClass: TypeOrmOutboxRelayStore },
    { provide: DomainEventWriter, useClass: SqlDomainEventWriter },
  ],
  exports: [DatabaseConnector, TypeOrmModule, UnitOfWork, JobOutbox, OutboxRelayStore, DomainEventWriter],
})
export class PersistenceModule {}
