import { Injectable } from '@nestjs/common';
import { MembershipRepository, type MemberPage, type MemberPageCursor, type Membership } from '#application';
import type { MemberRole } from '#domain';
import { DataSource, In } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { toMemberRole, toMembership } from './organizations.mapper';
import { isUuid, uuidsOnly } from './uuid';
import { connectedManager } from '../accounts/connected-manager';
import { preparedRows } from '../transactions/prepared-statement';

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: string;
  created_at: Date;
}

@Injectable()
export class TypeOrmMembershipRepository extends MembershipRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(MembershipEntity);
  }

  async roleOf(userId: string, organizationId: string): Promise<MemberRole | undefined> {
    if (!isUuid(userId) || !isUuid(organizationId)) return undefined;
    // Asked on every authorised operation (by the guard, then by the use case): a prepared statement.
    const rows = await preparedRows<{ role: string }>(
      connectedManager(this.dataSource),
      'SELECT role FROM memberships WHERE user_id = $1 AND organization_id = $2',
      [userId, organizationId],
    );
    const row = rows[0];
    return row === undefined ? undefined : toMemberRole(row.role);
  }

  async listForUsers(userIds: readonly string[]): Promise<Membership[]> {
    const valid = uuidsOnly(userIds);
    if (valid.length === 0) return [];
    const rows = await this.rows.find({ where: { userId: In(valid) }, order: { createdAt: 'ASC', organizationId: 'ASC' } });
    return rows.map(toMembership);
  }

  async add(membership: { organizationId: string; userId: string; role: MemberRole }): Promise<Membership | undefined> {
    // ON CONFLICT: two admins adding the same person at once get one membership and one ALREADY_MEMBER.
    const rows: Array<{ created_at: Date }> = await connectedManager(this.dataSource).query(
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, user_id) DO NOTHING
       RETURNING created_at`,
      [membership.organizationId, membership.userId, membership.role],
    );
    const inserted = rows[0];
    return inserted === undefined ? undefined : toMembership({ ...membership, createdAt: inserted.created_at });
  }

  async listMembers(organizationId: string, first: number, after?: MemberPageCursor): Promise<MemberPage> {
    if (!isUuid(organizationId)) return { members: [], hasNextPage: false };
    const rows: MemberRow[] = await connectedManager(this.dataSource).query(
      `SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1
          AND ($2::timestamptz IS NULL OR (m.created_at, m.user_id) > ($2::timestamptz, $3::uuid))
        ORDER BY m.created_at, m.user_id
        LIMIT $4`,
      [organizationId, after?.since ?? null, after?.userId ?? null, first + 1],
    );
    return {
      members: rows.slice(0, first).map((row) => ({
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: toMemberRole(row.role),
        since: row.created_at,
      })),
      hasNextPage: rows.length > first,
    };
  }
}
