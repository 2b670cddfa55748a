import { Column, Entity, Index, PrimaryColumn, type Point } from 'typeorm';

/** Stored as the domain's input shapes, which the mapper parses back into value objects. */
export interface StoredOpeningDay {
  readonly weekday: number;
  readonly intervals: ReadonlyArray<{ readonly start: string; readonly end: string }>;
}
export interface StoredClosure {
  readonly from: string;
  readonly to: string;
}

/** Table `sites`: where goods are collected or delivered. */
@Entity({ name: 'sites' })
export class SiteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  /** GeoJSON in and out: TypeORM wraps the column in ST_GeomFromGeoJSON / ST_AsGeoJSON. */
  @Index('sites_location_gix', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'opening_hours', type: 'jsonb' })
  openingHours!: StoredOpeningDay[];

  @Column({ type: 'jsonb' })
  closures!: StoredClosure[];

  @Column({ name: 'access_instructions', type: 'text', nullable: true })
  accessInstructions!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
