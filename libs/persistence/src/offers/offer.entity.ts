import { Column, Entity, PrimaryColumn, type Point } from 'typeorm';
import { NUMERIC_KG } from './numeric-column';

/** Table `offers` (migration 1763800003000): a donor's lot at one site for one pickup window. */
@Entity({ name: 'offers' })
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'donor_organization_id', type: 'uuid' })
  donorOrganizationId!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'pickup_from', type: 'timestamptz' })
  pickupFrom!: Date;

  @Column({ name: 'pickup_until', type: 'timestamptz' })
  pickupUntil!: Date;

  /** GeoJSON in and out, copied from the site. The partial GiST index is created by the migration. */
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'total_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  totalKg!: number;

  @Column({ name: 'remaining_kg', type: 'numeric', precision: 12, scale: 3, transformer: NUMERIC_KG })
  remainingKg!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt!: Date;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'expiry_reason', type: 'text', nullable: true })
  expiryReason!: string | null;

  /** Compared and bumped by the repository's UPDATE (TypeORM's @VersionColumn does not guard writes). */
  @Column({ type: 'integer' })
  version!: number;
}
