import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from './app-config';
import type { Params } from 'nestjs-pino';

// A client-supplied id is kept only if it looks like one, so logs cannot be forged through it.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * JSON logs for both processes, one request id per HTTP request (echoed in x-request-id), secrets
 * redacted. nestjs-pino keeps one root logger per process, so API and worker must share these options.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-refresh-token"]'],
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
