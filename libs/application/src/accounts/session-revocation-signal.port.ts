import { assertNever } from '#domain';

/**
 * A session (or every session of a person) just ended before its time: logout, or a refresh token
 * presented twice (theft). Access tokens are checked without a database read, so what runs on one
 * for long (a WebSocket connection) learns of the end only through this signal.
 */
export type SessionRevocation =
  /** One sign-in session (of this person): the family of refresh tokens, which access tokens name as their session. */
  | { readonly kind: 'session'; readonly userId: string; readonly sessionId: string }
  /** Every session of the person (sign out everywhere). */
  | { readonly kind: 'user'; readonly userId: string };

/** Tells every API instance, through Redis pub/sub, that sessions were revoked. */
export abstract class SessionRevocationSignal {
  /**
   * Best effort, after the revocation is stored: it never rejects, and waits for an absent Redis a
   * moment at most (the implementation logs what it could not send). A connection that misses the signal still
   * ends when its access token expires, within JWT_ACCESS_TTL_SECONDS.
   */
  abstract publish(revocation: SessionRevocation): Promise<void>;

  /**
   * Calls `listener` for each revocation any process publishes from now on, and returns what stops
   * listening. It does not wait for Redis: a process starts while Redis is down and listens once it is back.
   */
  abstract listen(listener: (revocation: SessionRevocation) => void): () => void;
}

/** Whether a revocation ends this session of this person. */
export function revokes(revocation: SessionRevocation, session: { readonly userId: string; readonly sessionId: string }): boolean {
  switch (revocation.kind) {
    case 'session':
      return revocation.userId === session.userId && revocation.sessionId === session.sessionId;
    case 'user':
      return revocation.userId === session.userId;
    default:
      return assertNever(revocation, 'session revocation');
  }
}
