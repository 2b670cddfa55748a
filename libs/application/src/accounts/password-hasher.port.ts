export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /** False for a wrong password or a malformed hash; never throws for either. */
  abstract verify(hash: string, password: string): Promise<boolean>;
  /**
   * Spends the time a verification takes, against a hash of no account, so that a sign-in for an
   * unknown email answers no faster than one for a known email with a wrong password.
   */
  abstract verifyAgainstDummy(password: string): Promise<void>;
  /** True when the hash was made with other parameters than today's (it is then upgraded at the next sign-in). */
  abstract needsRehash(hash: string): boolean;
}
