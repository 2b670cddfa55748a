/** A refresh token as stored: its SHA-256 only, never the token itself. */
export interface RefreshTokenRecord {
  readonly id: string;
  /** Every token issued by rotation from one sign-in shares its family; reuse revokes the family. */
  readonly familyId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly replacedBy: string | null;
  readonly createdAt: Date;
  /** When the family's first token was issued (the sign-in); every rotation keeps it. */
  readonly sessionStartedAt: Date;
}

export type NewRefreshToken = Pick<RefreshTokenRecord, 'id' | 'familyId' | 'userId' | 'tokenHash' | 'expiresAt' | 'createdAt' | 'sessionStartedAt'>;

/** The token that replaces a used one: family and user are the used token's. */
export type ReplacementRefreshToken = Pick<RefreshTokenRecord, 'id' | 'tokenHash' | 'expiresAt'>;

export interface RotatedRefreshToken {
  readonly userId: string;
  readonly familyId: string;
  /** The replacement's expiry: the one asked for, or the session's end if that comes first. */
  readonly expiresAt: Date;
}

export abstract class RefreshTokenRepository {
  abstract create(token: NewRefreshToken): Promise<void>;
  /**
   * In one transaction: marks the token used if, at `now`, it is unused, unrevoked and unexpired
   * (a conditional update, so of two concurrent calls exactly one succeeds), and stores its
   * replacement in the same family. Null when the token could not be used; nothing is written then.
   * With `maxSessionMs`, a session older than that cannot rotate, and no replacement outlives it.
   */
  abstract rotate(tokenHash: string, now: Date, replacement: ReplacementRefreshToken, maxSessionMs?: number): Promise<RotatedRefreshToken | null>;
  abstract findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Revokes every token of the family not yet revoked; returns how many. */
  abstract revokeFamily(familyId: string, now: Date): Promise<number>;
  /** Revokes every token of the user not yet revoked (sign out everywhere); returns how many. */
  abstract revokeAllOfUser(userId: string, now: Date): Promise<number>;
  /** Deletes up to `limit` tokens that expired before `cutoff`; returns how many. */
  abstract deleteExpiredBefore(cutoff: Date, limit: number): Promise<number>;
}
