import { Injectable } from '@nestjs/common';
import type { RecipientProfile } from '#domain';
import { RecipientProfileRepository } from './recipient-profile-repository.port';

/** Recipient profiles by organisation (a DataLoader batch); an organisation without one is absent. */
@Injectable()
export class GetRecipientProfiles {
  constructor(private readonly profiles: RecipientProfileRepository) {}

  async execute(organizationIds: readonly string[]): Promise<ReadonlyMap<string, RecipientProfile>> {
    if (organizationIds.length === 0) return new Map();
    return this.profiles.findByOrganizationIds([...new Set(organizationIds)]);
  }
}
