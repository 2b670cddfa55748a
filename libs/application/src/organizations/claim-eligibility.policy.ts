import { DomainError, OrganizationKind } from '#domain';
import type { Organization } from './organization.model';

/**
 * Habilitation (docs/domain-rules.md): recipients of food aid must be habilitated, and an admin checks the
 * habilitation before they can claim. Everything else (sites, profile, members) can be set up before.
 */
export function mayClaim(organization: Pick<Organization, 'kind' | 'verifiedAt'>): boolean {
  return organization.kind === OrganizationKind.RECIPIENT && organization.verifiedAt !== null;
}

export function assertMayClaim(organization: Pick<Organization, 'kind' | 'verifiedAt'>, field = 'organizationId'): void {
  if (organization.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', field);
  if (organization.verifiedAt === null) throw new DomainError('RECIPIENT_NOT_VERIFIED', field);
}
