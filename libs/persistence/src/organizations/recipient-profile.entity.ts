import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `recipient_profiles`: what a recipient can take, one row per recipient organisation. */
@Entity({ name: 'recipient_profiles' })
export class RecipientProfileEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'accepted_categories', type: 'text', array: true })
  acceptedCategories!: string[];

  @Column({ name: 'ambient_capacity_kg', type: 'double precision' })
  ambientCapacityKg!: number;

  @Column({ name: 'chilled_capacity_kg', type: 'double precision' })
  chilledCapacityKg!: number;

  @Column({ name: 'frozen_capacity_kg', type: 'double precision' })
  frozenCapacityKg!: number;

  @Column({ name: 'service_radius_km', type: 'double precision' })
  serviceRadiusKm!: number;

  @Column({ name: 'dlc_margin_hours', type: 'integer' })
  dlcMarginHours!: number;

  @Column({ name: 'redistributes_faster', type: 'boolean' })
  redistributesFaster!: boolean;

  @Column({ name: 'people_per_week', type: 'integer' })
  peoplePerWeek!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
