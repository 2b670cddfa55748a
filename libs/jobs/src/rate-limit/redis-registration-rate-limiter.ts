import { RegistrationRateLimiter } from '#application';
import { DomainError } from '#domain';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from './redis-login-rate-limiter';
import { whenReady } from './redis-ready';

/** Registrations per client address per hour, counted in Redis (fixed windows from the first attempt). */
export class RedisRegistrationRateLimiter extends RegistrationRateLimiter {
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    perHour: number,
  ) {
    super();
    this.perAddress = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}:register:address`, points: perHour, duration: 3600 });
  }

  async consume(ip: string | undefined): Promise<void> {
    const address = addressKey(ip);
    if (address === undefined) return;
    await whenReady(this.redis);
    try {
      await this.perAddress.consume(address);
    } catch (error) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when Redis fails.
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
  }
}
