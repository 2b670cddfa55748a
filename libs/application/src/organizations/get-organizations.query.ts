import { Injectable } from '@nestjs/common';
import type { Organization } from './organization.model';
import { OrganizationRepository } from './organization-repository.port';

/** Organisations by id, for one lookup or a DataLoader batch. Who may see which fields is the caller's concern. */
@Injectable()
export class GetOrganizations {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(ids: readonly string[]): Promise<ReadonlyMap<string, Organization>> {
    const found = ids.length === 0 ? [] : await this.organizations.findByIds([...new Set(ids)]);
    return new Map(found.map((organization) => [organization.id, organization]));
  }

  async one(id: string): Promise<Organization | undefined> {
    return this.organizations.findById(id);
  }
}
