/** A verification token as stored: its SHA-256 only, never the token itself (the e-mail carries it). */
export interface EmailVerificationTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly createdAt: Date;
}

export type NewEmailVerificationToken = Pick<EmailVerificationTokenRecord, 'id' | 'userId' | 'tokenHash' | 'expiresAt' | 'createdAt'>;

export abstract class EmailVerificationTokenRepository {
  abstract create(token: NewEmailVerificationToken): Promise<void>;
  /**
   * Marks the token used if, at `now`, it is unused and unexpired (a conditional update, so of two
   * concurrent calls exactly one succeeds), and retires every other unused token of its account:
   * once the address is proved, no older link works. Returns the account's id, or null when the
   * token could not be used (nothing is written then).
   */
  abstract consume(tokenHash: string, now: Date): Promise<string | null>;
  abstract findByHash(tokenHash: string): Promise<EmailVerificationTokenRecord | null>;
}
