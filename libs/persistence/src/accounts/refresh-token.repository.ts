import { Injectable } from '@nestjs/common';
import { RefreshTokenRepository, type NewRefreshToken, type RefreshTokenRecord, type ReplacementRefreshToken, type RotatedRefreshToken } from '#application';
import { DataSource, IsNull } from 'typeorm';
import { runInTransaction } from '../transactions/transaction-scope';
import { assertConnected, connectedManager } from './connected-manager';
import { toRefreshTokenRecord } from './accounts.mapper';
import { RefreshTokenEntity } from './refresh-token.entity';

interface ConsumedRow {
  readonly id: string;
  readonly family_id: string;
  readonly user_id: string;
  readonly session_started_at: Date;
}

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(RefreshTokenEntity);
  }

  async create(token: NewRefreshToken): Promise<void> {
    await this.rows.insert({ ...token, usedAt: null, revokedAt: null, replacedBy: null });
  }

  async rotate(tokenHash: string, now: Date, replacement: ReplacementRefreshToken, maxSessionMs?: number): Promise<RotatedRefreshToken | null> {
    assertConnected(this.dataSource);
    return runInTransaction(this.dataSource, async () => {
      const manager = connectedManager(this.dataSource);
      // The conditions are re-checked under the row lock: a second transaction updating the same row
      // waits for the first, then sees used_at set and updates nothing. Exactly one caller wins.
      // A session past its absolute lifetime ($3: it must have started after that instant) cannot rotate.
      const startedAfter = maxSessionMs === undefined ? null : new Date(now.getTime() - maxSessionMs);
      const [consumed] = await manager.query<[ConsumedRow[], number]>(
        `UPDATE refresh_tokens SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
            AND ($3::timestamptz IS NULL OR session_started_at > $3::timestamptz)
          RETURNING id, family_id, user_id, session_started_at`,
        [tokenHash, now, startedAfter],
      );
      const used = consumed[0];
      if (!used) return null;
      const sessionStartedAt = new Date(used.session_started_at);
      const sessionEnd = maxSessionMs === undefined ? Infinity : sessionStartedAt.getTime() + maxSessionMs;
      const expiresAt = new Date(Math.min(replacement.expiresAt.getTime(), sessionEnd));
      await manager.insert(RefreshTokenEntity, {
        id: replacement.id,
        familyId: used.family_id,
        userId: used.user_id,
        tokenHash: replacement.tokenHash,
        expiresAt,
        usedAt: null,
        revokedAt: null,
        replacedBy: null,
        createdAt: now,
        sessionStartedAt,
      });
      await manager.update(RefreshTokenEntity, { id: used.id }, { replacedBy: replacement.id });
      return { userId: used.user_id, familyId: used.family_id, expiresAt };
    });
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.rows.findOneBy({ tokenHash });
    return row ? toRefreshTokenRecord(row) : null;
  }

  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const result = await this.rows.update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
    return result.affected ?? 0;
  }

  async revokeAllOfUser(userId: string, now: Date): Promise<number> {
    const result = await this.rows.update({ userId, revokedAt: IsNull() }, { revokedAt: now });
    return result.affected ?? 0;
  }

  async deleteExpiredBefore(cutoff: Date, limit: number): Promise<number> {
    assertConnected(this.dataSource);
    // replaced_by links inside a family are cleared by the foreign key (ON DELETE SET NULL).
    const [, deleted] = await connectedManager(this.dataSource).query<[unknown[], number]>(
      `DELETE FROM refresh_tokens WHERE id IN (SELECT id FROM refresh_tokens WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [cutoff, limit],
    );
    return deleted;
  }
}
