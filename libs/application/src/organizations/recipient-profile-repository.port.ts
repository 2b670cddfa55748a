import type { RecipientProfile } from '#domain';

export abstract class RecipientProfileRepository {
  /** Replaces the whole profile (one row). */
  abstract save(organizationId: string, profile: RecipientProfile, at: Date): Promise<void>;
  abstract findByOrganizationIds(organizationIds: readonly string[]): Promise<ReadonlyMap<string, RecipientProfile>>;
}
