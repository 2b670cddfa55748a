import { VerificationEmailRateLimiter, type VerificationEmailRequest } from '#application';
import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { consumeEach } from './consume-each';
import { accountKey, addressKey } from './redis-login-rate-limiter';
import { whenReady } from './redis-ready';

export interface VerificationEmailRateLimits {
  /** Requests per email asked for, per window: bounds what one inbox can receive. */
  readonly perEmail: { readonly requests: number; readonly windowSeconds: number };
  /** Requests per client address, per window: bounds what one machine can make the relay send. */
  readonly perAddress: { readonly requests: number; readonly windowSeconds: number };
}

// Three links an hour is plenty for a person whose e-mail went astray; twenty an hour per address
// lets a shared office or school network through while stopping a script.
export const DEFAULT_VERIFICATION_EMAIL_RATE_LIMITS: VerificationEmailRateLimits = {
  perEmail: { requests: 3, windowSeconds: 3600 },
  perAddress: { requests: 20, windowSeconds: 3600 },
};

/** resendVerificationEmail limits, in Redis so every API instance counts against the same numbers. */
export class RedisVerificationEmailRateLimiter extends VerificationEmailRateLimiter {
  private readonly perEmail: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    limits: VerificationEmailRateLimits = DEFAULT_VERIFICATION_EMAIL_RATE_LIMITS,
  ) {
    super();
    this.perEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:verification-email:email`,
      points: limits.perEmail.requests,
      duration: limits.perEmail.windowSeconds,
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:verification-email:address`,
      points: limits.perAddress.requests,
      duration: limits.perAddress.windowSeconds,
    });
  }

  async consume(request: VerificationEmailRequest): Promise<void> {
    await whenReady(this.redis);
    await consumeEach([
      [this.perEmail, accountKey(request.email)],
      [this.perAddress, addressKey(request.ip)],
    ]);
  }
}
