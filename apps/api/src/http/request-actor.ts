import type { Actor } from '#application';
import type { FastifyRequest } from 'fastify';

// Set by BearerTokenGuard, read by the handler; a WeakMap rather than a property added to Fastify's request type.
const actors = new WeakMap<FastifyRequest, Actor>();

export function setRequestActor(request: FastifyRequest, actor: Actor): void {
  actors.set(request, actor);
}

/** The caller BearerTokenGuard authenticated; undefined on a route without the guard. */
export function requestActor(request: FastifyRequest): Actor | undefined {
  return actors.get(request);
}
