import { DomainError } from '#domain';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Counts one point on each limiter (a key undefined is skipped), all of them even when one is over,
 * so a refused request still counts everywhere; throws DomainError RATE_LIMITED with the longest
 * wait when any is over.
 */
export async function consumeEach(counts: ReadonlyArray<readonly [RateLimiterRedis, string | undefined]>): Promise<void> {
  const outcomes = await Promise.allSettled(counts.map(([limiter, key]) => (key === undefined ? Promise.resolve(undefined) : limiter.consume(key))));
  let retryAfterMs = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') continue;
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when Redis fails.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    retryAfterMs = Math.max(retryAfterMs, outcome.reason.msBeforeNext);
  }
  if (outcomes.some((outcome) => outcome.status === 'rejected')) {
    throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
  }
}
