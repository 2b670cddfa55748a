import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError, loadConfig, type AppConfig } from '#config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { refuseOversizedBodies } from './http/refuse-oversized-bodies';
import { requestLog } from './http/request-log.middleware';

export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  // The body parser is ours, with the configured size limit.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  // GraphQL answers are POSTs, never revalidated: computing ETags is wasted work.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use(requestLog());
  app.useBodyParser('json', { limit: config.graphql.maxBodyBytes });
  app.use(refuseOversizedBodies);
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  app.get(Logger).log(`GraphQL ready at ${config.publicUrl}/graphql`, 'Bootstrap');
}

if (require.main === module) void main();
