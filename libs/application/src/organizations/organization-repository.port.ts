import type { NewOrganization, Organization } from './organization.model';

export abstract class OrganizationRepository {
  /** Unknown or malformed ids are simply not found. */
  abstract findById(id: string): Promise<Organization | undefined>;
  abstract findByIds(ids: readonly string[]): Promise<Organization[]>;
  /** Whether a verified organisation holds this normalised legal id (SIRET digits or RNA). */
  abstract existsVerifiedWithLegalId(legalId: string): Promise<boolean>;
  /** Every organisation holding one of these normalised legal ids, verified or not, oldest first. */
  abstract findByLegalIds(legalIds: readonly string[]): Promise<Organization[]>;
  abstract create(organization: NewOrganization): Promise<Organization>;
  /**
   * Records who verified it and when, unless already verified; undefined when unknown. Throws
   * DomainError LEGAL_ID_ALREADY_VERIFIED (field `id`) when another organisation with its legal id
   * is verified, including one verified a moment earlier (a unique index decides).
   */
  abstract markVerified(id: string, verifiedBy: string, at: Date): Promise<Organization | undefined>;
}
