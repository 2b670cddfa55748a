import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `memberships`: one role per user and organisation. */
@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: string;

  /** Millisecond precision: the members page cursor carries it as a JavaScript Date. */
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
