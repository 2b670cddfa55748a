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

/** Marks a habilitation as checked. Verifying twice keeps the first verification (who and when). */
@Injectable()
export class VerifyOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: VerifyOrganizationCommand): Promise<Organization> {
    const organization = await this.organizations.markVerified(command.organizationId, command.verifiedBy, this.clock.now());
    if (organization === undefined) throw new DomainError('NOT_FOUND', 'id');
    return organization;
  }
}
