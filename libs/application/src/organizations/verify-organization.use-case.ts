import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { Clock } from '../ports/clock.port';
import type { Organization } from './organization.model';
import { OrganizationRepository } from './organization-repository.port';

export interface VerifyOrganizationCommand {
  readonly organizationId: string;
  /** The platform admin who checked the habilitation; the API lets only platform admins call this. */
  readonly verifiedBy: string;
}

/**
 * Marks an organisation as checked by a platform admin (its identity, and a recipient's
 * habilitation). Verifying twice keeps the first verification (who and when). Of the organisations
 * sharing a legal id, only one can be verified: the others are refused LEGAL_ID_ALREADY_VERIFIED.
 */
@Injectable()
export class VerifyOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: VerifyOrganizationCommand): Promise<Organization> {
    const candidate = await this.organizations.findById(command.organizationId);
    if (candidate === undefined) throw new DomainError('NOT_FOUND', 'id');
    if (candidate.verifiedAt !== null) return candidate;
    // Checked first for a clean answer; the unique index settles two verifications at once.
    if (await this.organizations.existsVerifiedWithLegalId(candidate.legalId.value)) throw new DomainError('LEGAL_ID_ALREADY_VERIFIED', 'id');
    const organization = await this.organizations.markVerified(command.organizationId, command.verifiedBy, this.clock.now());
    if (organization === undefined) throw new DomainError('NOT_FOUND', 'id');
    return organization;
  }
}
