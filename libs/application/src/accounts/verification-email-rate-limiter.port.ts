import type { NormalizedEmail } from '#domain';

export interface VerificationEmailRequest {
  readonly email: NormalizedEmail;
  /** The client address; undefined when unknown (then only the email is limited). */
  readonly ip: string | undefined;
}

/**
 * Limits requests for the verification e-mail per address asked for and per client address, across
 * every API instance, so nobody can flood an inbox or the relay. Requests for emails without an
 * account count exactly like the others: the limit reveals nothing about which emails exist.
 */
export abstract class VerificationEmailRateLimiter {
  /** Counts one request; throws DomainError RATE_LIMITED (params.retryAfterSeconds) when over either limit. */
  abstract consume(request: VerificationEmailRequest): Promise<void>;
}
