import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_KG } from './numeric-column';

/** Table `claims`: a recipient's claim on an offer (written by claimOffer, read with the offer). */
@Entity({ name: 'claims' })
export class ClaimEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'recipient_organization_id', type: 'uuid' })
  recipientOrganizationId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'text' })
  status!: string;

  /** Paris calendar day, 'YYYY-MM-DD'. */
  @Column({ name: 'pickup_day', type: 'date' })
  pickupDay!: string;

  @Column({ name: 'total_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  totalKg!: number;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'refusal_note', type: 'text', nullable: true })
  refusalNote!: string | null;

  /** All the kilos once REFUSED; the part not accepted after a partial refusal at delivery. */
  @Column({ name: 'refused_kg', type: 'numeric', precision: 12, scale: 3, nullable: true, transformer: NUMERIC_KG })
  refusedKg!: number | null;
}
