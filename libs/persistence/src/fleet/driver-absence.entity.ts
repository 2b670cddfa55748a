import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `driver_absences`: whole Paris days, both ends inclusive. pg returns `date` as 'YYYY-MM-DD'. */
@Entity({ name: 'driver_absences' })
export class DriverAbsenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'from_day', type: 'date' })
  fromDay!: string;

  @Column({ name: 'to_day', type: 'date' })
  toDay!: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
