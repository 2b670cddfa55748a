import type { NewOrganization, Organization } from './organization.model';

export abstract class OrganizationRepository {
  /** Unknown or malformed ids are simply not found. */
  abstract findById(id: string): Promise<Organization | undefined>;
  abstract findByIds(ids: readonly string[]): Promise<Organization[]>;
  /** The normalised legal id (SIRET digits or RNA). */
  abstract existsWithLegalId(legalId: string): Promise<boolean>;
  /** Throws DomainError DUPLICATE_LEGAL_ID when another organisation took the legal id meanwhile. */
  abstract create(organization: NewOrganization): Promise<Organization>;
  /** Records who verified it and when, unless already verified; undefined when unknown. */
  abstract markVerified(id: string, verifiedBy: string, at: Date): Promise<Organization | undefined>;
}
