/**
 * Limits account creation per client address, across every API instance, so one machine cannot
 * mass-create accounts (spam invitations, exhaust storage, or probe which emails are taken).
 */
export abstract class RegistrationRateLimiter {
  /** Counts one registration attempt; throws DomainError RATE_LIMITED (params.retryAfterSeconds) when over. An unknown address is not limited. */
  abstract consume(ip: string | undefined): Promise<void>;
}
