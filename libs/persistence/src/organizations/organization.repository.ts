import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OrganizationRepository, type NewOrganization, type Organization } from '#application';
import { DomainError } from '#domain';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { toOrganization } from './organizations.mapper';
import { isUniqueViolationOf } from './unique-violation';
import { isUuid, uuidsOnly } from './uuid';
import { connectedManager } from '../accounts/connected-manager';

const VERIFIED_LEGAL_ID_UNIQUE = 'organizations_verified_legal_id_key';

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

  async existsVerifiedWithLegalId(legalId: string): Promise<boolean> {
    return this.rows.existsBy({ legalId, verifiedAt: Not(IsNull()) });
  }

  async findByLegalIds(legalIds: readonly string[]): Promise<Organization[]> {
    if (legalIds.length === 0) return [];
    return (await this.rows.find({ where: { legalId: In([...legalIds]) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toOrganization);
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
    // Unverified organisations may share a legal id: only verification is unique (markVerified).
    await this.rows.insert(row);
    return toOrganization(row);
  }

  async markVerified(id: string, verifiedBy: string, at: Date): Promise<Organization | undefined> {
    if (!isUuid(id)) return undefined;
    // Conditional, so a second verification keeps the first one's author and date.
    try {
      await this.rows.update({ id, verifiedAt: IsNull() }, { verifiedAt: at, verifiedBy });
    } catch (error) {
      // Two organisations with one legal id verified at once can both pass the use case's check; the index decides.
      if (isUniqueViolationOf(error, VERIFIED_LEGAL_ID_UNIQUE)) throw new DomainError('LEGAL_ID_ALREADY_VERIFIED', 'id');
      throw error;
    }
    return this.findById(id);
  }
}
