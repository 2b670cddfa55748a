import { Injectable } from '@nestjs/common';
import { RecipientProfileRepository } from '#application';
import type { RecipientProfile } from '#domain';
import { DataSource, In } from 'typeorm';
import { toRecipientProfile, toRecipientProfileEntity } from './organizations.mapper';
import { RecipientProfileEntity } from './recipient-profile.entity';
import { uuidsOnly } from './uuid';
import { connectedManager } from '../accounts/connected-manager';

@Injectable()
export class TypeOrmRecipientProfileRepository extends RecipientProfileRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(RecipientProfileEntity);
  }

  async save(organizationId: string, profile: RecipientProfile, at: Date): Promise<void> {
    await this.rows.upsert(toRecipientProfileEntity(organizationId, profile, at), ['organizationId']);
  }

  async findByOrganizationIds(organizationIds: readonly string[]): Promise<ReadonlyMap<string, RecipientProfile>> {
    const valid = uuidsOnly(organizationIds);
    if (valid.length === 0) return new Map();
    const rows = await this.rows.findBy({ organizationId: In(valid) });
    return new Map(rows.map((row) => [row.organizationId, toRecipientProfile(row)]));
  }
}
