import type { AccessTokenVerifier, Actor } from '#application';
import { DomainError } from '#domain';

/** The token a request presents: `Authorization: Bearer <jwt>` over HTTP, `connectionParams.authorization` over WebSocket. */
export type PresentedToken = { readonly kind: 'none' } | { readonly kind: 'bearer'; readonly token: string } | { readonly kind: 'malformed' };

export function presentedToken(authorization: unknown): PresentedToken {
  if (authorization === undefined || authorization === null || authorization === '') return { kind: 'none' };
  if (typeof authorization !== 'string') return { kind: 'malformed' };
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization);
  return match?.[1] !== undefined ? { kind: 'bearer', token: match[1] } : { kind: 'malformed' };
}

/**
 * Builds a GraphQL context with a lazy `actor`. The token is verified the first time anything (the
 * authorization guard, a resolver) reads `actor`; a bad token then throws UNAUTHENTICATED there,
 * inside the operation, so the error goes through the exception filter like any other instead of
 * failing context creation. A bad token is never read as "anonymous".
 *
 * The getter sits on a per-request prototype, not on the object: Apollo clones the context for each
 * operation with Object.assign onto an object of the same prototype, which would otherwise run the
 * getter (throwing outside any resolver) or drop it.
 */
export function withLazyActor<T extends object>(fields: T, token: PresentedToken, verifier: AccessTokenVerifier): T & { readonly actor?: Actor } {
  let resolved: { actor?: Actor; error?: DomainError } | undefined;
  const resolve = (): { actor?: Actor; error?: DomainError } => {
    switch (token.kind) {
      case 'none':
        return {};
      case 'malformed':
        return { error: new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'invalid' }) };
      case 'bearer':
        try {
          return { actor: verifier.verify(token.token) };
        } catch (error) {
          if (error instanceof DomainError) return { error };
          throw error;
        }
    }
  };
  const prototype = Object.create(Object.prototype, {
    actor: {
      enumerable: false,
      get(): Actor | undefined {
        resolved ??= resolve();
        if (resolved.error) throw resolved.error;
        return resolved.actor;
      },
    },
  }) as { readonly actor?: Actor };
  return Object.assign(Object.create(prototype) as { readonly actor?: Actor }, fields);
}
