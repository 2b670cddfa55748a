import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

// A client-supplied id is kept only if it looks like one, so logs cannot be forged through it.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Fastify's genReqId: the caller's x-request-id when well-formed, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** The request id of a request (exception logs quote it). */
export function requestIdOf(request: FastifyRequest | undefined): string | undefined {
  return typeof request?.id === 'string' ? request.id : undefined;
}

/**
 * Echoes the request id, and writes one JSON line per HTTP request with its id, method, URL, status
 * and duration. Written by hand rather than with Fastify's logger or pino-http: those serialise
 * every request and response into child loggers, which costs a good share of a small query's CPU
 * (bench/api-baseline.bench.ts runs the API at the production level, info). Health probes are not
 * logged: orchestrators call them every few seconds.
 */
export function registerRequestLog(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const logger = PinoLogger.root;
    if (logger.isLevelEnabled('info') && !request.url.startsWith('/health')) {
      const line = {
        reqId: request.id,
        // Flat fields: pino's req/res serializers expect the raw node objects under those keys.
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      };
      if (reply.statusCode >= 500) logger.error(line, 'request failed');
      else if (reply.statusCode >= 400) logger.warn(line, 'request refused');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
