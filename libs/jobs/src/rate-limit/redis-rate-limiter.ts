import { RateLimiter, type RateLimit, type RateLimitedOperation } from '#application';
import { DomainError } from '#domain';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { whenReady } from './redis-ready';

/**
 * The generic per-key limiter, counted in Redis so every API instance shares the counts (fixed
 * windows from the first call, rate-limiter-flexible's atomic INCR + TTL). Fails closed: when Redis
 * cannot count, the call fails rather than going uncounted.
 */
export class RedisRateLimiter extends RateLimiter {
  private readonly limiters: ReadonlyMap<RateLimitedOperation, RateLimiterRedis>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    limits: Readonly<Record<RateLimitedOperation, RateLimit>>,
  ) {
    super();
    this.limiters = new Map(
      (Object.entries(limits) as Array<[RateLimitedOperation, RateLimit]>).map(([operation, limit]) => [
        operation,
        new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}:${operation}`, points: limit.points, duration: limit.windowSeconds }),
      ]),
    );
  }

  async consume(operation: RateLimitedOperation, key: string): Promise<void> {
    const limiter = this.limiters.get(operation);
    if (limiter === undefined) throw new Error(`no rate limit configured for ${operation}`);
    await whenReady(this.redis);
    try {
      await limiter.consume(key);
    } catch (error) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when Redis fails.
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
  }
}
