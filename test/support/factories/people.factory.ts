import { randomUUID } from 'node:crypto';
import { parseEmail, type MemberRole } from '#domain';
import { TypeOrmMembershipRepository, TypeOrmUserRepository } from '#persistence';
import type { DataSource } from 'typeorm';

// A well-formed argon2id hash of nothing anyone knows: such people can be written to, not sign in.
const UNUSABLE_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA';

/**
 * A person whose address is verified (so the account may act), through the real repository; the
 * email is made unique from the label unless given. `verified: false` for one who has not proved it.
 */
export async function insertUser(dataSource: DataSource, label = 'person', email?: string, options: { verified?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await new TypeOrmUserRepository(dataSource).create({
    id,
    email: parseEmail(email ?? `${label}-${id.slice(0, 8)}@example.fr`),
    displayName: 'Marie Dupont',
    passwordHash: UNUSABLE_PASSWORD_HASH,
    platformAdmin: false,
    emailVerifiedAt: options.verified === false ? null : new Date(),
    createdAt: new Date(),
  });
  return id;
}

/** Makes an existing user a member, through the real repository. */
export async function insertMembership(dataSource: DataSource, organizationId: string, userId: string, role: MemberRole): Promise<void> {
  await new TypeOrmMembershipRepository(dataSource).add({ organizationId, userId, role });
}

/** A new person with this email, member of the organisation in this role. */
export async function insertMember(dataSource: DataSource, organizationId: string, role: MemberRole, email: string): Promise<string> {
  const userId = await insertUser(dataSource, 'member', email);
  await insertMembership(dataSource, organizationId, userId, role);
  return userId;
}
