import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `organizations` (migration 1763800002000-organizations). */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Normalised SIRET digits or RNA; unique among verified organisations (migration 1763800005100). */
  @Column({ name: 'legal_id', type: 'text' })
  legalId!: string;

  @Column({ name: 'legal_id_kind', type: 'text' })
  legalIdKind!: string;

  @Column({ name: 'habilitation_reference', type: 'text', nullable: true })
  habilitationReference!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
