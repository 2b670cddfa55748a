import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_KG } from './numeric-column';

/** Table `offer_items`: one line of an offer, in the order the donor gave them (`position`). */
@Entity({ name: 'offer_items' })
export class OfferItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'quantity_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  quantityKg!: number;

  @Column({ name: 'remaining_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  remainingKg!: number;

  @Column({ type: 'text' })
  temperature!: string;

  @Column({ name: 'date_kind', type: 'text' })
  dateKind!: string;

  /** A `date` column comes back from pg as 'YYYY-MM-DD' (TypeORM leaves it a string). */
  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'text', array: true })
  allergens!: string[];

  @Column({ type: 'text', nullable: true })
  gtin!: string | null;

  @Column({ name: 'lot_number', type: 'text', nullable: true })
  lotNumber!: string | null;

  @Column({ name: 'unit_cost_cents', type: 'integer', nullable: true })
  unitCostCents!: number | null;
}
