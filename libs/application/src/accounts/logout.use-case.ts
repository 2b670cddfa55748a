import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { hashOpaqueToken } from './opaque-token';
import { RefreshTokenRepository } from './refresh-token-repository.port';
import { SessionRevocationSignal } from './session-revocation-signal.port';

export interface LogoutCommand {
  readonly actor: Actor;
  /** Signs out this session (the token's family); without it, every session of the caller. */
  readonly refreshToken?: string;
}

/**
 * Revokes refresh tokens. Access tokens already issued stay valid over HTTP until they expire
 * (minutes): they are checked without a database read, which is what keeps them cheap. Live
 * connections (WebSocket) last longer than one request, so the revocation is announced to every
 * API instance, which closes the connections of the revoked sessions.
 */
@Injectable()
export class Logout {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocationSignal,
  ) {}

  async execute(command: LogoutCommand): Promise<void> {
    const now = this.clock.now();
    if (command.refreshToken === undefined) {
      await this.refreshTokens.revokeAllOfUser(command.actor.userId, now);
      await this.revocations.publish({ kind: 'user', userId: command.actor.userId });
      return;
    }
    const record = await this.refreshTokens.findByHash(hashOpaqueToken(command.refreshToken));
    // Another person's token is answered like an unknown one: it cannot be used to probe or sign others out.
    if (!record || record.userId !== command.actor.userId) throw new DomainError('REFRESH_TOKEN_INVALID', 'refreshToken');
    await this.refreshTokens.revokeFamily(record.familyId, now);
    await this.revocations.publish({ kind: 'session', userId: record.userId, sessionId: record.familyId });
  }
}
