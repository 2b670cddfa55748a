import { Injectable } from '@nestjs/common';
import { DomainError, OrganizationKind, RecipientProfile, type RecipientProfileInput } from '#domain';
import { Clock } from '../ports/clock.port';
import { OrganizationRepository } from './organization-repository.port';
import { RecipientProfileRepository } from './recipient-profile-repository.port';

export interface SetRecipientProfileCommand extends RecipientProfileInput {
  /** The API checks that the caller is an ADMIN or STAFF of it before calling. */
  readonly organizationId: string;
}

/**
 * Declares (or replaces) what a recipient can take. An unverified recipient may do this: it can
 * set everything up while its habilitation is checked, only claiming waits (claim-eligibility.policy).
 */
@Injectable()
export class SetRecipientProfile {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly profiles: RecipientProfileRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetRecipientProfileCommand): Promise<RecipientProfile> {
    const profile = RecipientProfile.parse(command);
    const organization = await this.organizations.findById(command.organizationId);
    if (organization === undefined) throw new DomainError('NOT_FOUND', 'organizationId');
    if (organization.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
    await this.profiles.save(organization.id, profile, this.clock.now());
    return profile;
  }
}
