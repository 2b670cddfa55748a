import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../ports/clock.port';
import { AccessTokenIssuer } from './access-token.port';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { SessionSettings } from './session-settings.port';
import { actorOf, type UserProfile } from './user-account';

/** What a successful register, login or refresh hands back: the refresh token in clear, only this once. */
export interface Session {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly user: UserProfile;
}

/** Starts a new token family (a sign-in) or signs the access token that goes with a rotated refresh token. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokenIssuer,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
  ) {}

  async start(user: UserProfile): Promise<Session> {
    const now = this.clock.now();
    const refreshToken = newOpaqueToken();
    const refreshTokenExpiresAt = this.refreshExpiry(now);
    const familyId = randomUUID();
    await this.refreshTokens.create({
      id: randomUUID(),
      familyId,
      userId: user.id,
      tokenHash: hashOpaqueToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      createdAt: now,
      sessionStartedAt: now,
    });
    return this.withAccessToken(user, familyId, refreshToken, refreshTokenExpiresAt);
  }

  /** The access token names the refresh-token family as its session, so revoking the family can reach it. */
  async withAccessToken(user: UserProfile, familyId: string, refreshToken: string, refreshTokenExpiresAt: Date): Promise<Session> {
    const access = await this.accessTokens.issue(actorOf(user), familyId);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
  }

  /** The absolute lifetime of a session in milliseconds, if one is set. */
  get maxSessionMs(): number | undefined {
    return this.settings.maxSessionSeconds === undefined ? undefined : this.settings.maxSessionSeconds * 1000;
  }

  refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.settings.refreshTtlSeconds * 1000);
  }
}
