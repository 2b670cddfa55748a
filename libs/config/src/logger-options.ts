import type { AppConfig } from './app-config';
import type { Params } from 'nestjs-pino';

/**
 * JSON logs for both processes, secrets redacted. nestjs-pino keeps one root logger per process,
 * so API and worker share these options. No per-request middleware (forRoutes: []): the API logs
 * each request itself, with its request id (apps/api/src/http/request-log.hooks.ts).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-refresh-token"]'],
    },
  };
}
