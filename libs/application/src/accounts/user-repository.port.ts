import type { NormalizedEmail } from '#domain';
import type { UserAccount } from './user-account';

export abstract class UserRepository {
  abstract findByEmail(email: NormalizedEmail): Promise<UserAccount | null>;
  abstract findById(id: string): Promise<UserAccount | null>;
  /**
   * Inserts the account. Throws DomainError EMAIL_ALREADY_REGISTERED (field `email`) when the
   * address is taken, including when a concurrent registration took it a moment earlier.
   */
  abstract create(account: UserAccount): Promise<void>;
  abstract updatePasswordHash(id: string, passwordHash: string): Promise<void>;
  /** Sets the platform-admin flag; false when no account has this id. */
  abstract setPlatformAdmin(id: string, platformAdmin: boolean): Promise<boolean>;
  /** Records that the address is proved, unless it already was (the first date stays); false when no account has this id. */
  abstract markEmailVerified(id: string, at: Date): Promise<boolean>;
}
