import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '#config';
import { buildDataSourceOptions, DatabaseConnector } from '#persistence';
import { Queue, type ConnectionOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/main';
import { createWorker } from '../../apps/worker/src/main';
import { QUEUE_NAMES, redisOptions } from '#jobs';
import { createTestDatabase } from './test-database';

export interface TestServices {
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  /** Drops the database and the run's queues. */
  readonly release: () => Promise<void>;
}

/** A migrated database of its own and a queue prefix of its own, for one test file. */
export async function provideTestServices(overrides: Record<string, string> = {}): Promise<TestServices> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `glane-test-${randomBytes(4).toString('hex')}`,
    WORKER_SHUTDOWN_GRACE_MS: '2000',
    // Suites register many people from 127.0.0.1; the limit itself is tested on its own.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
    OFFER_MATCHES_PER_USER_PER_MINUTE: '100000',
    MAP_FEATURES_PER_USER_PER_MINUTE: '100000',
    ...overrides,
  });
  const dataSource = new DataSource(buildDataSourceOptions(config));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    config,
    dataSource,
    release: async () => {
      await dataSource.destroy();
      await obliterateQueues(config);
      await database.drop();
    },
  };
}

async function obliterateQueues(config: AppConfig): Promise<void> {
  for (const name of QUEUE_NAMES) {
    const queue = new Queue(name, { connection: redisOptions(config.redisUrl, 'worker') as ConnectionOptions, prefix: config.queuePrefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly httpUrl: string;
  readonly wsUrl: string;
}

export async function startApi(config: AppConfig, options: { waitForDatabase?: boolean } = {}): Promise<RunningApi> {
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  // The API starts without waiting for PostgreSQL (readiness covers that); tests want it connected.
  if (options.waitForDatabase ?? true) await app.get(DatabaseConnector).whenConnected();
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/graphql` };
}

export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await createWorker(config);
  await worker.init();
  await worker.get(DatabaseConnector).whenConnected();
  return worker;
}
