import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `calendar_feeds`: a person's live calendar-feed secret, as its SHA-256; no row, no feed. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'issued_at', type: 'timestamptz', precision: 3 })
  issuedAt!: Date;
}
