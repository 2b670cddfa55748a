/** At most one live calendar feed per person: only the SHA-256 of its secret is stored. */
export abstract class CalendarFeedRepository {
  /** Stores the new secret's hash in place of any previous one, which stops working at once. */
  abstract replace(userId: string, tokenHash: string, at: Date): Promise<void>;
  /** False when the person had no feed. */
  abstract revoke(userId: string): Promise<boolean>;
  abstract userIdForTokenHash(tokenHash: string): Promise<string | undefined>;
}
