import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfigOrExit, type AppConfig } from '#config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker is an application context: queue consumers, no HTTP server. */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop taking jobs, let active ones finish (or release them), then exit.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorker(config);
  app.get(Logger).log(`worker started (queue prefix ${config.queuePrefix}, concurrency ${config.worker.concurrency})`, 'Bootstrap');
}

if (require.main === module) void main();
