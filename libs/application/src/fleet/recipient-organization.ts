import { DomainError, OrganizationKind } from '#domain';
import type { OrganizationRepository } from '../organizations/organization-repository.port';

/** Vehicles and drivers belong to recipients (they collect); a donor has none. */
export async function assertRecipient(organizations: OrganizationRepository, organizationId: string): Promise<void> {
  const organization = await organizations.findById(organizationId);
  if (organization === undefined) throw new DomainError('NOT_FOUND', 'organizationId');
  if (organization.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
}
