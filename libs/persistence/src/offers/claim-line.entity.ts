import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_KG } from './numeric-column';

/** Table `claim_lines`: how much of one item a claim takes (temperature copied for capacity sums). */
@Entity({ name: 'claim_lines' })
export class ClaimLineEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @PrimaryColumn({ name: 'offer_item_id', type: 'uuid' })
  offerItemId!: string;

  @Column({ name: 'quantity_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  quantityKg!: number;

  @Column({ type: 'text' })
  temperature!: string;
}
