import type { NormalizedEmail } from '#domain';

/** The little the organisations need to know about accounts: whether an email has a verified one. */
export abstract class UserDirectory {
  /**
   * The account with this address, if it has proved it owns it. An unverified account is not
   * answered: adding it as a member would give the organisation to whoever registered the address.
   */
  abstract findVerifiedUserIdByEmail(email: NormalizedEmail): Promise<string | undefined>;
}
