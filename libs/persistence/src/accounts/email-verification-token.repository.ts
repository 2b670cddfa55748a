import { Injectable } from '@nestjs/common';
import { EmailVerificationTokenRepository, type EmailVerificationTokenRecord, type NewEmailVerificationToken } from '#application';
import { DataSource } from 'typeorm';
import { runInTransaction } from '../transactions/transaction-scope';
import { assertConnected, connectedManager } from './connected-manager';
import { EmailVerificationTokenEntity } from './email-verification-token.entity';

@Injectable()
export class TypeOrmEmailVerificationTokenRepository extends EmailVerificationTokenRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(EmailVerificationTokenEntity);
  }

  async create(token: NewEmailVerificationToken): Promise<void> {
    await this.rows.insert({ ...token, usedAt: null });
  }

  async consume(tokenHash: string, now: Date): Promise<string | null> {
    assertConnected(this.dataSource);
    return runInTransaction(this.dataSource, async () => {
      const manager = connectedManager(this.dataSource);
      // Re-checked under the row lock: a concurrent use of the same token waits, then sees used_at
      // set and updates nothing. Exactly one caller wins.
      const [consumed] = await manager.query<[Array<{ user_id: string }>, number]>(
        `UPDATE email_verification_tokens SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
          RETURNING user_id`,
        [tokenHash, now],
      );
      const userId = consumed[0]?.user_id;
      if (userId === undefined) return null;
      await manager.query('UPDATE email_verification_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);
      return userId;
    });
  }

  async findByHash(tokenHash: string): Promise<EmailVerificationTokenRecord | null> {
    const row = await this.rows.findOneBy({ tokenHash });
    return row === null ? null : { ...row };
  }
}
