import type { NormalizedEmail } from '#domain';

export interface LoginAttempt {
  readonly email: NormalizedEmail;
  /** The client address as the HTTP server sees it; undefined when unknown (then only the account is limited). */
  readonly ip: string | undefined;
}

/**
 * Limits sign-in attempts per account and per client address, across every API instance.
 * Attempts for emails without an account count exactly like the others, so the limit reveals
 * nothing about which emails exist.
 */
export abstract class LoginRateLimiter {
  /**
   * Counts one attempt before the password is checked (so parallel attempts cannot slip past the
   * limit); throws DomainError RATE_LIMITED with params.retryAfterSeconds when over either limit.
   */
  abstract consume(attempt: LoginAttempt): Promise<void>;
  /** The attempt succeeded: the account's count starts again, and the attempt is given back to the address. */
  abstract succeeded(attempt: LoginAttempt): Promise<void>;
}
