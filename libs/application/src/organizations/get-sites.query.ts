import { Injectable } from '@nestjs/common';
import type { Site } from './organization.model';
import { SiteRepository } from './site-repository.port';

/** The sites of several organisations at once (a DataLoader batch), oldest first within each. */
@Injectable()
export class GetSitesOfOrganizations {
  constructor(private readonly sites: SiteRepository) {}

  async execute(organizationIds: readonly string[]): Promise<ReadonlyMap<string, readonly Site[]>> {
    const byOrganization = new Map<string, Site[]>(organizationIds.map((id) => [id, []]));
    if (organizationIds.length === 0) return byOrganization;
    for (const site of await this.sites.listByOrganizationIds([...new Set(organizationIds)])) {
      byOrganization.get(site.organizationId)?.push(site);
    }
    return byOrganization;
  }
}
