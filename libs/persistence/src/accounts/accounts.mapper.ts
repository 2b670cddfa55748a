import type { RefreshTokenRecord, UserAccount } from '#application';
import type { NormalizedEmail } from '#domain';
import type { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export function toUserAccount(row: UserEntity): UserAccount {
  return {
    id: row.id,
    // Only normalised addresses are written (and a CHECK constraint keeps it so).
    email: row.email as NormalizedEmail,
    displayName: row.displayName,
    passwordHash: row.passwordHash,
    platformAdmin: row.platformAdmin,
    emailVerifiedAt: row.emailVerifiedAt,
    createdAt: row.createdAt,
  };
}

export function toUserEntity(account: UserAccount): UserEntity {
  return Object.assign(new UserEntity(), {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    passwordHash: account.passwordHash,
    platformAdmin: account.platformAdmin,
    emailVerifiedAt: account.emailVerifiedAt,
    createdAt: account.createdAt,
  });
}

export function toRefreshTokenRecord(row: RefreshTokenEntity): RefreshTokenRecord {
  return {
    id: row.id,
    familyId: row.familyId,
    userId: row.userId,
    tokenHash: row.tokenHash,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
    revokedAt: row.revokedAt,
    replacedBy: row.replacedBy,
    createdAt: row.createdAt,
    sessionStartedAt: row.sessionStartedAt,
  };
}
