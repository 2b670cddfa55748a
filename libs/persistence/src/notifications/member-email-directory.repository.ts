import { Injectable } from '@nestjs/common';
import { MemberEmailDirectory } from '#application';
import type { MemberRole } from '#domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';

@Injectable()
export class SqlMemberEmailDirectory extends MemberEmailDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async emailsOf(organizationId: string, roles: readonly MemberRole[]): Promise<string[]> {
    if (!isUuid(organizationId) || roles.length === 0) return [];
    const rows: { email: string }[] = await currentManager(this.dataSource).query(
      `SELECT DISTINCT u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.role = ANY($2::text[]) ORDER BY u.email`,
      [organizationId, [...roles]],
    );
    return rows.map((row) => row.email);
  }
}
