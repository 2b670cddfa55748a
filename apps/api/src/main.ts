import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit, type AppConfig } from '#config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerRequestLog, requestIdFor } from './http/request-log.hooks';

/**
 * The API on Fastify. Bodies are parsed by Fastify's own JSON parser (bodyParser: false keeps Nest
 * from registering its slower one, and form bodies, which GraphQL never needs), within the
 * configured limit; a body over it, or not JSON, is answered by the global exception filter with a
 * coded error (PAYLOAD_TOO_LARGE, BAD_REQUEST). Fastify computes no ETags (GraphQL answers are
 * POSTs, never revalidated) and sends no X-Powered-By.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.graphql.maxBodyBytes,
    // The reverse proxies whose X-Forwarded-For entries are believed for request.ip (rate limits,
    // logs): the nearest TRUST_PROXY_HOPS addresses, counted from the socket (proxy-addr's `hop`).
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // Our own request log line (registerRequestLog) replaces Fastify's.
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  registerRequestLog(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  // Fastify listens on localhost only unless told otherwise; a container needs every interface.
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`GraphQL ready at ${config.publicUrl}/graphql`, 'Bootstrap');
}

if (require.main === module) void main();
