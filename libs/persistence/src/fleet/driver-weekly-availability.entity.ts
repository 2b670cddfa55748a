import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredOpeningDay } from '../organizations/site.entity';

/** Table `driver_weekly_availabilities`: one row per driver and organisation, the domain's input shape as JSON. */
@Entity({ name: 'driver_weekly_availabilities' })
export class DriverWeeklyAvailabilityEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'jsonb' })
  weekly!: StoredOpeningDay[];

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
