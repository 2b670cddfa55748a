import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvitationRepository, type Invitation, type Membership } from '#application';
import type { MemberRole, NormalizedEmail } from '#domain';
import { DataSource } from 'typeorm';
import type { InvitationEntity } from './invitation.entity';
import { toInvitation, toMembership } from './organizations.mapper';
import { connectedManager } from '../accounts/connected-manager';

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  invited_by: string;
  created_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
}

@Injectable()
export class TypeOrmInvitationRepository extends InvitationRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async savePending(invitation: { organizationId: string; email: NormalizedEmail; role: MemberRole; invitedBy: string }): Promise<Invitation> {
    // Upsert on the partial unique index: inviting again updates the pending invitation.
    const rows: InvitationRow[] = await connectedManager(this.dataSource).query(
      `INSERT INTO invitations (id, organization_id, email, role, invited_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id, email) WHERE accepted_at IS NULL
       DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by
       RETURNING *`,
      [randomUUID(), invitation.organizationId, invitation.email, invitation.role, invitation.invitedBy],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('invitation upsert returned no row');
    return toInvitation(fromRow(row));
  }

  async acceptAllFor(userId: string, email: NormalizedEmail, at: Date): Promise<Membership[]> {
    // One statement, so atomic: invitations are marked accepted exactly when their memberships exist.
    const rows: Array<{ organization_id: string; role: string; created_at: Date }> = await connectedManager(this.dataSource).query(
      `WITH accepted AS (
         UPDATE invitations SET accepted_at = $3, accepted_by = $1
          WHERE email = $2 AND accepted_at IS NULL
            -- Only the proved owner of the address accepts what was sent to it.
            AND EXISTS (SELECT 1 FROM users WHERE id = $1 AND email = $2 AND email_verified_at IS NOT NULL)
          RETURNING organization_id, role
       )
       INSERT INTO memberships (organization_id, user_id, role)
       SELECT organization_id, $1, role FROM accepted
       ON CONFLICT (organization_id, user_id) DO NOTHING
       RETURNING organization_id, role, created_at`,
      [userId, email, at],
    );
    return rows.map((row) => toMembership({ organizationId: row.organization_id, userId, role: row.role, createdAt: row.created_at }));
  }
}

function fromRow(row: InvitationRow): InvitationEntity {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
  };
}
