import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_KG } from '../offers/numeric-column';

/** Table `vehicles`: a recipient's vehicles, retired ones kept. */
@Entity({ name: 'vehicles' })
export class VehicleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'capacity_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  capacityKg!: number;

  @Column({ type: 'boolean' })
  refrigerated!: boolean;

  @Column({ name: 'insulated_boxes', type: 'integer' })
  insulatedBoxes!: number;

  @Column({ name: 'insulated_box_max_minutes', type: 'integer', nullable: true })
  insulatedBoxMaxMinutes!: number | null;

  @Column({ name: 'retired_at', type: 'timestamptz', precision: 3, nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
