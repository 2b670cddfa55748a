import type { AccessTokenVerifier, Actor, VerifiedAccessToken } from '#application';
import { DomainError } from '#domain';

/** The token a request presents: `Authorization: Bearer <jwt>` over HTTP, `connectionParams.authorization` over WebSocket. */
export type PresentedToken = { readonly kind: 'none' } | { readonly kind: 'bearer'; readonly token: string } | { readonly kind: 'malformed' };

export function presentedToken(authorization: unknown): PresentedToken {
  if (authorization === undefined || authorization === null || authorization === '') return { kind: 'none' };
  if (typeof authorization !== 'string') return { kind: 'malformed' };
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization);
  return match?.[1] !== undefined ? { kind: 'bearer', token: match[1] } : { kind: 'malformed' };
}

/** What a presented token establishes: nobody (no token), a verified token, or the UNAUTHENTICATED error to answer. */
export type TokenCheck =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'verified'; readonly token: VerifiedAccessToken }
  | { readonly kind: 'refused'; readonly error: DomainError };

export function checkPresentedToken(token: PresentedToken, verifier: AccessTokenVerifier): TokenCheck {
  switch (token.kind) {
    case 'none':
      return { kind: 'anonymous' };
    case 'malformed':
      return { kind: 'refused', error: new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'invalid' }) };
    case 'bearer':
      try {
        return { kind: 'verified', token: verifier.verifyWithSession(token.token) };
      } catch (error) {
        if (error instanceof DomainError) return { kind: 'refused', error };
        throw error;
      }
  }
}

/** The actor of a check, or its error thrown: a bad token is never read as "anonymous". */
export function actorOfCheck(check: TokenCheck): Actor | undefined {
  switch (check.kind) {
    case 'anonymous':
      return undefined;
    case 'verified':
      return check.token.actor;
    case 'refused':
      throw check.error;
  }
}

/** Where a context keeps how to read its actor: an own, enumerable property, so clones keep it too. */
const READ_ACTOR = Symbol('readActor');

interface ActorReading {
  readonly [READ_ACTOR]: () => Actor | undefined;
}

/** One prototype for every context: per-request prototypes would make every read of a context field megamorphic. */
const CONTEXT_PROTOTYPE: object = Object.create(Object.prototype, {
  actor: {
    enumerable: false,
    get(this: ActorReading): Actor | undefined {
      return this[READ_ACTOR]();
    },
  },
}) as object;

/**
 * Builds a GraphQL context whose `actor` is read through `read` each time anything (the
 * authorization guard, a resolver, a subscription's filter) asks; `read` throws UNAUTHENTICATED for
 * a bad token there, inside the operation, so the error goes through the exception filter like any
 * other instead of failing context creation.
 *
 * The getter sits on the prototype, not on the object: Apollo (and Nest, over WebSocket) clone the
 * context with Object.assign onto an object of the same prototype, which would otherwise run the
 * getter (throwing outside any resolver) or drop it. Object.assign copies the symbol-keyed reader
 * with the other fields, so a clone reads the same actor.
 */
export function withActor<T extends object>(fields: T, read: () => Actor | undefined): T & { readonly actor?: Actor } {
  const reading: ActorReading = { [READ_ACTOR]: read };
  return Object.assign(Object.create(CONTEXT_PROTOTYPE) as { readonly actor?: Actor }, fields, reading);
}

/** An HTTP request's context: the token is verified once, the first time `actor` is read. */
export function withLazyActor<T extends object>(fields: T, token: PresentedToken, verifier: AccessTokenVerifier): T & { readonly actor?: Actor } {
  let check: TokenCheck | undefined;
  return withActor(fields, () => {
    check ??= checkPresentedToken(token, verifier);
    return actorOfCheck(check);
  });
}
