import type { Actor } from '#application';
import type { Request } from 'express';

// Set by BearerTokenGuard, read by the handler; a WeakMap rather than a property added to Express's request type.
const actors = new WeakMap<Request, Actor>();

export function setRequestActor(request: Request, actor: Actor): void {
  actors.set(request, actor);
}

/** The caller BearerTokenGuard authenticated; undefined on a route without the guard. */
export function requestActor(request: Request): Actor | undefined {
  return actors.get(request);
}
