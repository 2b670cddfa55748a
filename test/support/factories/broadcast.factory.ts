import { MemberRole } from '#domain';
import type { DataSource } from 'typeorm';
import { insertRecipient, type ProfileSpec, type SiteSpec } from './matching.factory';
import { insertMember, insertMembership } from './people.factory';

export interface BroadcastRecipient {
  readonly organizationId: string;
  readonly siteId: string;
  readonly name: string;
  /** The address of its own STAFF member, to tell its e-mails apart. */
  readonly staffEmail: string;
}

/**
 * A recipient (verified unless told otherwise, one site, a profile) with a STAFF member of its own,
 * and `watcherUserId` as its ADMIN: one signed-in person can then follow many recipients' live feeds.
 */
export async function insertBroadcastRecipient(
  dataSource: DataSource,
  label: string,
  site: SiteSpec,
  profile: ProfileSpec,
  options: { verified?: boolean; watcherUserId?: string } = {},
): Promise<BroadcastRecipient> {
  const name = `Association ${label}`;
  const { organizationId, siteId } = await insertRecipient(dataSource, site, profile, { verified: options.verified, name });
  const staffEmail = `staff.${label}.${organizationId.slice(0, 8)}@asso.example`;
  await insertMember(dataSource, organizationId, MemberRole.STAFF, staffEmail);
  if (options.watcherUserId !== undefined) {
    await insertMembership(dataSource, organizationId, options.watcherUserId, MemberRole.ADMIN);
  }
  return { organizationId, siteId, name, staffEmail };
}
