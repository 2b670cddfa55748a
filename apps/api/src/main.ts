import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit, type AppConfig } from '#config';
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
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.port);
  app.get(Logger).log(`GraphQL ready at ${config.publicUrl}/graphql`, 'Bootstrap');
}

if (require.main === module) void main();
