import { Injectable } from '@nestjs/common';
import { CalendarFeedRepository } from '#application';
import { DataSource } from 'typeorm';
import { connectedManager } from '../accounts/connected-manager';
import { CalendarFeedEntity } from './calendar-feed.entity';

@Injectable()
export class TypeOrmCalendarFeedRepository extends CalendarFeedRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get manager() {
    return connectedManager(this.dataSource);
  }

  async replace(userId: string, tokenHash: string, at: Date): Promise<void> {
    // One statement: the old hash stops resolving at the instant the new one starts.
    await this.manager.query(
      `INSERT INTO calendar_feeds (user_id, token_hash, issued_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, issued_at = EXCLUDED.issued_at`,
      [userId, tokenHash, at],
    );
  }

  async revoke(userId: string): Promise<boolean> {
    const result = await this.manager.getRepository(CalendarFeedEntity).delete({ userId });
    return (result.affected ?? 0) > 0;
  }

  async userIdForTokenHash(tokenHash: string): Promise<string | undefined> {
    const row = await this.manager.getRepository(CalendarFeedEntity).findOne({ select: { userId: true }, where: { tokenHash } });
    return row?.userId;
  }
}
