/**
 * Operations counted per caller, across every API instance. Each has its own budget, set in the
 * configuration (see the README's settings table); the adapter maps a name to its budget.
 */
export const RATE_LIMITED_OPERATIONS = ['offerMatches', 'mapFeatures'] as const;
export type RateLimitedOperation = (typeof RATE_LIMITED_OPERATIONS)[number];

/** How many calls one key may make per window. */
export interface RateLimit {
  readonly points: number;
  readonly windowSeconds: number;
}

/** One generic per-key limiter: the operation picks the budget, the key (a user id) the counter. */
export abstract class RateLimiter {
  /** Counts one call; throws DomainError RATE_LIMITED (params.retryAfterSeconds) when the key is over its budget. */
  abstract consume(operation: RateLimitedOperation, key: string): Promise<void>;
}

/** Counts nothing: for benchmarks, and for tests of rules other than the limits. */
export class UnlimitedRateLimiter extends RateLimiter {
  async consume(): Promise<void> {}
}
