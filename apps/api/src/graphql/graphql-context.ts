import type { Actor } from '#application';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../errors/error-messages';

/** What every resolver receives, whether the operation came over HTTP or WebSocket. */
export interface GraphQLContext {
  readonly req?: FastifyRequest;
  readonly res?: FastifyReply;
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly language: Language;
  /** The client's address as the server sees it (HTTP request or WebSocket upgrade), for per-address limits. */
  readonly clientIp?: string;
  /** Set from a valid access token (Authorization header, or connectionParams.authorization over WebSocket). */
  readonly actor?: Actor;
}

/**
 * Whether the context lives for one HTTP request (per-request caches are safe) rather than for a
 * whole subscription, whose every event must read fresh data. `req` cannot tell them apart: Nest's
 * Apollo driver sets it on WebSocket contexts too; only those carry connection parameters.
 */
export function servesOneRequest(context: GraphQLContext): boolean {
  return context.connectionParams === undefined;
}
