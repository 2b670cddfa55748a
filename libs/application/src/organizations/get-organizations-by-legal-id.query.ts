import { Injectable } from '@nestjs/common';
import type { Organization } from './organization.model';
import { OrganizationRepository } from './organization-repository.port';

/**
 * Every organisation registered under each legal id, verified or not, oldest first: what a platform
 * admin compares before verifying one of them (only one may be). A DataLoader batch.
 */
@Injectable()
export class GetOrganizationsByLegalId {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(legalIds: readonly string[]): Promise<ReadonlyMap<string, readonly Organization[]>> {
    const found = legalIds.length === 0 ? [] : await this.organizations.findByLegalIds([...new Set(legalIds)]);
    const byLegalId = new Map<string, Organization[]>();
    for (const organization of found) byLegalId.set(organization.legalId.value, [...(byLegalId.get(organization.legalId.value) ?? []), organization]);
    return byLegalId;
  }
}
