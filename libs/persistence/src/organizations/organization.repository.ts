import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OrganizationRepository, type NewOrganization, type Organization } from '#application';
import { DomainError } from '#domain';
import { DataSource, In, IsNull } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { toOrganization } from './organizations.mapper';
import { isUniqueViolationOf } from './unique-violation';
import { isUuid, uuidsOnly } from './uuid';
import { connectedManager } from '../accounts/connected-manager';

const LEGAL_ID_UNIQUE = 'organizations_legal_id_key';

@Injectable()
export class TypeOrmOrganizationRepository extends OrganizationRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(OrganizationEntity);
  }

  async findById(id: string): Promise<Organization | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.rows.findOneBy({ id });
    return row ? toOrganization(row) : undefined;
  }

  async findByIds(ids: readonly string[]): Promise<Organization[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return [];
    return (await this.rows.findBy({ id: In(valid) })).map(toOrganization);
  }

  async existsWithLegalId(legalId: string): Promise<boolean> {
    return this.rows.existsBy({ legalId });
  }

  async create(organization: NewOrganization): Promise<Organization> {
    const row: OrganizationEntity = {
      id: randomUUID(),
      kind: organization.kind,
      name: organization.name,
      legalId: organization.legalId.value,
      legalIdKind: organization.legalId.kind,
      habilitationReference: organization.habilitationReference,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: new Date(),
    };
    try {
      await this.rows.insert(row);
    } catch (error) {
      // Two creations with one legal id can both pass the existence check; the index decides.
      if (isUniqueViolationOf(error, LEGAL_ID_UNIQUE)) throw new DomainError('DUPLICATE_LEGAL_ID', 'legalId');
      throw error;
    }
    return toOrganization(row);
  }

  async markVerified(id: string, verifiedBy: string, at: Date): Promise<Organization | undefined> {
    if (!isUuid(id)) return undefined;
    // Conditional, so a second verification keeps the first one's author and date.
    await this.rows.update({ id, verifiedAt: IsNull() }, { verifiedAt: at, verifiedBy });
    return this.findById(id);
  }
}
