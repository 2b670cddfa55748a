import { Injectable } from '@nestjs/common';
import { DomainError, isOrganizationKind, MemberRole, parseLegalId, type OrganizationKind } from '#domain';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { MembershipRepository } from './membership-repository.port';
import type { Organization } from './organization.model';
import { OrganizationRepository } from './organization-repository.port';
import { parseOptionalText, parseRequiredText } from './text-field';

export const MAX_ORGANIZATION_NAME_LENGTH = 200;
export const MAX_HABILITATION_REFERENCE_LENGTH = 120;

export interface CreateOrganizationCommand {
  /** Becomes the organisation's first ADMIN. */
  readonly creatorUserId: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  /** SIRET (14 digits, spaces allowed) or, for a recipient association, RNA (W + 9 digits). */
  readonly legalId: string;
  readonly habilitationReference?: string | null;
}

@Injectable()
export class CreateOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: CreateOrganizationCommand): Promise<Organization> {
    // Callers outside GraphQL (seed, scripts) have no enum coercion in front of them.
    if (!isOrganizationKind(command.kind)) {
      throw new DomainError('UNKNOWN_ORGANIZATION_KIND', 'kind', { value: String(command.kind) });
    }
    const name = parseRequiredText(command.name, 'name', { code: 'INVALID_ORGANIZATION_NAME', max: MAX_ORGANIZATION_NAME_LENGTH });
    const legalId = parseLegalId(command.legalId, command.kind, 'legalId');
    const habilitationReference = parseOptionalText(command.habilitationReference, 'habilitationReference', {
      code: 'INVALID_HABILITATION_REFERENCE',
      max: MAX_HABILITATION_REFERENCE_LENGTH,
    });
    // A number a verified organisation holds is taken. One held by unverified organisations only is
    // not: whoever registered it first may not be its owner (no squatting), and refusing would tell
    // anyone which numbers are registered. The platform admin sees the others when verifying.
    if (await this.organizations.existsVerifiedWithLegalId(legalId.value)) throw new DomainError('DUPLICATE_LEGAL_ID', 'legalId');
    // An organisation without its admin would be an orphan nobody can manage: both rows or neither.
    return this.unitOfWork.run(async () => {
      const organization = await this.organizations.create({ kind: command.kind, name, legalId, habilitationReference });
      await this.memberships.add({ organizationId: organization.id, userId: command.creatorUserId, role: MemberRole.ADMIN });
      return organization;
    });
  }
}
