import type { Actor } from '../auth/actor';

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** What a valid access token establishes: who calls, within which sign-in session, until when. */
export interface VerifiedAccessToken {
  readonly actor: Actor;
  /**
   * The sign-in session the token was issued in: the family of refresh tokens one sign-in starts
   * (every rotation keeps it). Revoking the session closes what still runs on its access tokens,
   * such as live WebSocket connections.
   */
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/** Signs short-lived access tokens (JWT) that carry who the caller is and the session they belong to. */
export abstract class AccessTokenIssuer {
  abstract issue(actor: Actor, sessionId: string): Promise<IssuedAccessToken>;
}

/** Checks an access token; throws DomainError UNAUTHENTICATED (field `authorization`) when expired, tampered or malformed. */
export abstract class AccessTokenVerifier {
  abstract verifyWithSession(token: string): VerifiedAccessToken;

  verify(token: string): Actor {
    return this.verifyWithSession(token).actor;
  }
}
