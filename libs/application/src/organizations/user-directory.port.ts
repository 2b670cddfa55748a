import type { NormalizedEmail } from '#domain';

/** The little the organisations need to know about accounts: whether an email has one. */
export abstract class UserDirectory {
  abstract findUserIdByEmail(email: NormalizedEmail): Promise<string | undefined>;
}
