import { randomUUID } from 'node:crypto';
import { MemberRole, parseEmail } from '#domain';
import { TypeOrmMembershipRepository, TypeOrmUserRepository } from '#persistence';
import type { DataSource } from 'typeorm';
import { insertRecipient, type ProfileSpec, type SiteSpec } from './matching.factory';

/** A person without a password anyone knows: enough to be written to, not to sign in. */
export async function insertMember(dataSource: DataSource, organizationId: string, role: MemberRole, email: string): Promise<string> {
  const id = randomUUID();
  await new TypeOrmUserRepository(dataSource).create({
    id,
    email: parseEmail(email),
    displayName: 'Membre',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA',
    platformAdmin: false,
    createdAt: new Date(),
  });
  await new TypeOrmMembershipRepository(dataSource).add({ organizationId, userId: id, role });
  return id;
}

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
    await new TypeOrmMembershipRepository(dataSource).add({ organizationId, userId: options.watcherUserId, role: MemberRole.ADMIN });
  }
  return { organizationId, siteId, name, staffEmail };
}
