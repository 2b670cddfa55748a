import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { Clock } from '../ports/clock.port';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { SessionRevocationSignal } from './session-revocation-signal.port';
import { SessionIssuer, type Session } from './session-issuer.service';
import { toUserProfile } from './user-account';
import { UserRepository } from './user-repository.port';

// Our tokens are 43 characters; anything much longer is not one, and is not worth hashing.
const MAX_TOKEN_LENGTH = 256;

/**
 * Exchanges a refresh token for a new access token and a new refresh token of the same family.
 * A refresh token works once. Presenting one that was already used means two parties hold it
 * (RFC 9700 §4.14.2): the whole family is revoked, so whoever stole it is signed out too. Two
 * simultaneous refreshes with one token are indistinguishable from that, and are treated the same:
 * clients must not refresh concurrently. Revoking a family is announced to every API instance, so
 * the live connections opened with its access tokens close at once.
 */
@Injectable()
export class RefreshSession {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocationSignal,
  ) {}

  async execute(token: string): Promise<Session> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new DomainError('REFRESH_TOKEN_INVALID', 'token');
    const tokenHash = hashOpaqueToken(token);
    const now = this.clock.now();
    const next = newOpaqueToken();
    const nextExpiresAt = this.sessions.refreshExpiry(now);

    const maxSessionMs = this.sessions.maxSessionMs;
    const rotated = await this.refreshTokens.rotate(
      tokenHash,
      now,
      { id: randomUUID(), tokenHash: hashOpaqueToken(next), expiresAt: nextExpiresAt },
      maxSessionMs,
    );
    if (rotated) {
      // Read after rotation, so a promotion to platform admin shows in the very next access token.
      const user = await this.users.findById(rotated.userId);
      if (!user) {
        await this.revokeFamily(rotated, now);
        throw new DomainError('REFRESH_TOKEN_INVALID', 'token');
      }
      return this.sessions.withAccessToken(toUserProfile(user), rotated.familyId, next, rotated.expiresAt);
    }

    // Not usable: find out why, to answer precisely (the holder of a token learns nothing new from it).
    const record = await this.refreshTokens.findByHash(tokenHash);
    if (!record) throw new DomainError('REFRESH_TOKEN_INVALID', 'token');
    if (record.usedAt !== null) {
      await this.revokeFamily(record, now);
      throw new DomainError('REFRESH_TOKEN_REUSED', 'token');
    }
    if (record.revokedAt !== null) throw new DomainError('REFRESH_TOKEN_REVOKED', 'token');
    if (record.expiresAt.getTime() <= now.getTime()) throw new DomainError('REFRESH_TOKEN_EXPIRED', 'token');
    // The session reached its absolute lifetime: sign in again.
    if (maxSessionMs !== undefined && record.sessionStartedAt.getTime() + maxSessionMs <= now.getTime()) {
      throw new DomainError('REFRESH_TOKEN_EXPIRED', 'token', { reason: 'session' });
    }
    // Unused, valid and yet not rotated: only a clock disagreement gets here; refuse rather than guess.
    throw new DomainError('REFRESH_TOKEN_INVALID', 'token');
  }

  private async revokeFamily(token: { readonly userId: string; readonly familyId: string }, now: Date): Promise<void> {
    await this.refreshTokens.revokeFamily(token.familyId, now);
    await this.revocations.publish({ kind: 'session', userId: token.userId, sessionId: token.familyId });
  }
}
