import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SiteRepository, type NewSite, type Site } from '#application';
import { DataSource, In } from 'typeorm';
import { toSite, toSiteEntity } from './organizations.mapper';
import { SiteEntity } from './site.entity';
import { isUuid, uuidsOnly } from './uuid';
import { connectedManager } from '../accounts/connected-manager';

@Injectable()
export class TypeOrmSiteRepository extends SiteRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(SiteEntity);
  }

  async add(site: NewSite): Promise<Site> {
    const created: Site = { ...site, id: randomUUID(), createdAt: new Date() };
    await this.rows.insert(toSiteEntity(created));
    return created;
  }

  async findById(id: string): Promise<Site | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.rows.findOneBy({ id });
    return row ? toSite(row) : undefined;
  }

  async listByOrganizationIds(organizationIds: readonly string[]): Promise<Site[]> {
    const valid = uuidsOnly(organizationIds);
    if (valid.length === 0) return [];
    const rows = await this.rows.find({ where: { organizationId: In(valid) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toSite);
  }
}
