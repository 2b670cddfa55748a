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

  async rotate(tokenHash: string, now: Date, replacement: ReplacementRefreshToken): Promise<RotatedRefreshToken | null> {
    assertConnected(this.dataSource);
    return runInTransaction(this.dataSource, async () => {
      const manager = connectedManager(this.dataSource);
      // The conditions are re-checked under the row lock: a second transaction updating the same row
      // waits for the first, then sees used_at set and updates nothing. Exactly one caller wins.
      const [consumed] = await manager.query<[ConsumedRow[], number]>(
        `UPDATE refresh_tokens SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
          RETURNING id, family_id, user_id`,
        [tokenHash, now],
      );
      const used = consumed[0];
      if (!used) return null;
      await manager.insert(RefreshTokenEntity, {
        id: replacement.id,
        familyId: used.family_id,
        userId: used.user_id,
        tokenHash: replacement.tokenHash,
        expiresAt: replacement.expiresAt,
        usedAt: null,
        revokedAt: null,
        replacedBy: null,
        createdAt: now,
      });
      await manager.update(RefreshTokenEntity, { id: used.id }, { replacedBy: replacement.id });
      return { userId: used.user_id, familyId: used.family_id };
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
