import type { NormalizedEmail } from '#domain';
import type { Actor } from '../auth/actor';

/** A person's account as the rest of the application sees it: never carries the password hash. */
export interface UserProfile {
  readonly id: string;
  readonly email: NormalizedEmail;
  readonly displayName: string;
  /** Granted only by the admin:create command, never through the API. */
  readonly platformAdmin: boolean;
  /** When the person proved they own the address (the e-mailed link); null until then. */
  readonly emailVerifiedAt: Date | null;
  readonly createdAt: Date;
}

/** The stored account, hash included: only the sign-in use cases ever see it. */
export interface UserAccount extends UserProfile {
  /** A PHC string (argon2id, its parameters and salt), never the password. */
  readonly passwordHash: string;
}

export function toUserProfile(account: UserAccount): UserProfile {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    platformAdmin: account.platformAdmin,
    emailVerifiedAt: account.emailVerifiedAt,
    createdAt: account.createdAt,
  };
}

/** Who a session acts as: the access token carries this. */
export function actorOf(user: UserProfile): Actor {
  return { userId: user.id, platformAdmin: user.platformAdmin, emailVerified: user.emailVerifiedAt !== null };
}
