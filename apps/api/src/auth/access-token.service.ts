import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenIssuer, Clock, type AccessTokenVerifier, type Actor, type IssuedAccessToken, type VerifiedAccessToken } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { DomainError } from '#domain';

/** What an access token says. Short names keep the token small: it travels with every request. */
export interface AccessTokenClaims {
  readonly sub: string;
  /** Platform admin when the token was issued; a promotion shows at the next refresh. */
  readonly pa: boolean;
  /** The address was verified when the token was issued; verifyEmail issues a token that says so. */
  readonly ev: boolean;
  /**
   * The sign-in session (refresh-token family) the token belongs to, as OpenID Connect names it:
   * a revoked session closes the live connections opened with its tokens.
   */
  readonly sid: string;
  /** Only 'access' is accepted, so no other token signed with this key can pass for one. */
  readonly typ: 'access';
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

export const ACCESS_TOKEN_ISSUER = 'glane';
export const ACCESS_TOKEN_AUDIENCE = 'glane-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HS256 JWTs signed with JWT_ACCESS_SECRET, valid JWT_ACCESS_TTL_SECONDS (15 minutes by default).
 * Checked without a database read; the algorithm is pinned on verification, so `alg: none` or a
 * token re-signed with another algorithm is refused.
 */
@Injectable()
export class JwtAccessTokens extends AccessTokenIssuer implements AccessTokenVerifier {
  private readonly ttlSeconds: number;

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.ttlSeconds = config.jwt.accessTtlSeconds;
  }

  async issue(actor: Actor, sessionId: string): Promise<IssuedAccessToken> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessTokenClaims = {
      sub: actor.userId,
      pa: actor.platformAdmin,
      ev: actor.emailVerified,
      sid: sessionId,
      typ: 'access',
      jti: randomUUID(),
      iat,
      exp: iat + this.ttlSeconds,
    };
    const token = await this.jwt.signAsync(claims, { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    return { token, expiresAt: new Date(claims.exp * 1000) };
  }

  verify(token: string): Actor {
    return this.verifyWithSession(token).actor;
  }

  verifyWithSession(token: string): VerifiedAccessToken {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = this.jwt.verify<Partial<AccessTokenClaims>>(token, {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      // The client refreshes on "expired" and signs in again on "invalid".
      const reason = error instanceof Error && error.name === 'TokenExpiredError' ? 'expired' : 'invalid';
      throw new DomainError('UNAUTHENTICATED', 'authorization', { reason });
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      typeof claims.pa !== 'boolean' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number'
    ) {
      throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'invalid' });
    }
    // Tokens issued before accounts were verified carry no `ev`, and those issued before sessions were
    // named no `sid`: answered as expired, so clients refresh them (a refresh reads the account and
    // knows the session) instead of signing the person out.
    if (typeof claims.ev !== 'boolean' || typeof claims.sid !== 'string') {
      throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'expired' });
    }
    if (!UUID.test(claims.sid)) throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'invalid' });
    return {
      actor: { userId: claims.sub, platformAdmin: claims.pa, emailVerified: claims.ev },
      sessionId: claims.sid.toLowerCase(),
      expiresAt: new Date(claims.exp * 1000),
    };
  }
}
