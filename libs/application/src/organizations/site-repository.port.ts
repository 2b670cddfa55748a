import type { NewSite, Site } from './organization.model';

export abstract class SiteRepository {
  abstract add(site: NewSite): Promise<Site>;
  abstract findById(id: string): Promise<Site | undefined>;
  /** Every site of these organisations, oldest first within each. */
  abstract listByOrganizationIds(organizationIds: readonly string[]): Promise<Site[]>;
}
