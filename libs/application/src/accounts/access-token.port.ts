import type { Actor } from '../auth/actor';

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Signs short-lived access tokens (JWT) that carry who the caller is. */
export abstract class AccessTokenIssuer {
  abstract issue(actor: Actor): Promise<IssuedAccessToken>;
}

/** Checks an access token; throws DomainError UNAUTHENTICATED (field `authorization`) when expired, tampered or malformed. */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Actor;
}
