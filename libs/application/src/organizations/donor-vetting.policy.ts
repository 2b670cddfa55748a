import { DomainError, OrganizationKind } from '#domain';
import type { Organization } from './organization.model';

/**
 * A platform admin checks a donor business (its SIRET, that it is who it says) before it acts: an
 * unverified donor may prepare drafts, but may neither publish nor see which recipients an offer
 * would reach (that would map the charities of any area to anyone who registers a business).
 */
export function mayActAsDonor(organization: Pick<Organization, 'kind' | 'verifiedAt'>): boolean {
  return organization.kind === OrganizationKind.DONOR && organization.verifiedAt !== null;
}

/** Throws NOT_A_DONOR or ORGANIZATION_NOT_VERIFIED on `field`; an unknown organisation is not a donor. */
export function assertMayActAsDonor(organization: Pick<Organization, 'kind' | 'verifiedAt'> | undefined, field: string): void {
  if (organization === undefined || organization.kind !== OrganizationKind.DONOR) throw new DomainError('NOT_A_DONOR', field);
  if (organization.verifiedAt === null) throw new DomainError('ORGANIZATION_NOT_VERIFIED', field);
}
