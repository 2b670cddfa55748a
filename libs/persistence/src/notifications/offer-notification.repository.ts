import { Injectable } from '@nestjs/common';
import { OfferNotificationRepository, type NewOfferNotice, type OfferNotice } from '#application';
import { DataSource } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';

interface NoticeRow {
  offer_id: string;
  recipient_organization_id: string;
  circle: number;
  rank: number;
  score: number;
  notified_at: Date;
  email_sent_at: Date | null;
}

/**
 * offer_notifications in plain SQL: the whole point of the table is `ON CONFLICT DO NOTHING
 * RETURNING`, which says in one statement which recipients were not told before.
 */
@Injectable()
export class SqlOfferNotificationRepository extends OfferNotificationRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async record(offerId: string, circle: number, notices: readonly NewOfferNotice[]): Promise<string[]> {
    if (notices.length === 0) return [];
    const rows: { recipient_organization_id: string }[] = await currentManager(this.dataSource).query(
      `INSERT INTO offer_notifications (offer_id, recipient_organization_id, circle, rank, score)
       SELECT $1, n.recipient_id, $2, n.rank, n.score
         FROM unnest($3::uuid[], $4::int[], $5::float8[]) AS n (recipient_id, rank, score)
       ON CONFLICT (offer_id, recipient_organization_id) DO NOTHING
       RETURNING recipient_organization_id`,
      [offerId, circle, notices.map((n) => n.recipientOrganizationId), notices.map((n) => n.rank), notices.map((n) => n.score)],
    );
    const inserted = new Set(rows.map((row) => row.recipient_organization_id));
    return notices.map((n) => n.recipientOrganizationId).filter((id) => inserted.has(id));
  }

  async notifiedRecipientIds(offerId: string): Promise<ReadonlySet<string>> {
    if (!isUuid(offerId)) return new Set();
    const rows: { recipient_organization_id: string }[] = await currentManager(this.dataSource).query(
      'SELECT recipient_organization_id FROM offer_notifications WHERE offer_id = $1',
      [offerId],
    );
    return new Set(rows.map((row) => row.recipient_organization_id));
  }

  async find(offerId: string, recipientOrganizationId: string): Promise<OfferNotice | undefined> {
    if (!isUuid(offerId) || !isUuid(recipientOrganizationId)) return undefined;
    const rows: NoticeRow[] = await currentManager(this.dataSource).query(
      `SELECT offer_id, recipient_organization_id, circle, rank, score, notified_at, email_sent_at
         FROM offer_notifications WHERE offer_id = $1 AND recipient_organization_id = $2`,
      [offerId, recipientOrganizationId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      offerId: row.offer_id,
      recipientOrganizationId: row.recipient_organization_id,
      circle: row.circle,
      rank: row.rank,
      score: row.score,
      notifiedAt: row.notified_at,
      emailSentAt: row.email_sent_at,
    };
  }

  async markEmailSent(offerId: string, recipientOrganizationId: string, at: Date): Promise<boolean> {
    if (!isUuid(offerId) || !isUuid(recipientOrganizationId)) return false;
    // TypeORM gives [rows, count] for an UPDATE.
    const [, count]: [unknown[], number] = await currentManager(this.dataSource).query(
      `UPDATE offer_notifications SET email_sent_at = $3
        WHERE offer_id = $1 AND recipient_organization_id = $2 AND email_sent_at IS NULL`,
      [offerId, recipientOrganizationId, at],
    );
    return count > 0;
  }
}
