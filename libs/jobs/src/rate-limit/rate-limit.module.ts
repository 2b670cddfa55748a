import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LoginRateLimiter, RateLimiter, RegistrationRateLimiter, VerificationEmailRateLimiter } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import Redis from 'ioredis';
import { redisOptions } from '../redis-connection';
import { RedisLoginRateLimiter } from './redis-login-rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';
import { RedisRegistrationRateLimiter } from './redis-registration-rate-limiter';
import { RedisVerificationEmailRateLimiter } from './redis-verification-email-rate-limiter';

export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

function connect(config: AppConfig): Redis {
  // A producer connection: a sign-in while Redis is down fails at once (fail closed) instead of hanging.
  const redis = new Redis(redisOptions(config.redisUrl, 'producer'));
  const logger = new Logger('RateLimit');
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.error(`redis unreachable (${error.message}); sign-ins and rate-limited operations are refused until it is back`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('redis reachable again');
    down = false;
  });
  return redis;
}

/** The Redis-backed limiters (sign-in, registration, and the generic per-key one), keyed under the configured prefix so test runs never share counts. */
@Module({
  providers: [
    { provide: RATE_LIMIT_REDIS, inject: [APP_CONFIG], useFactory: connect },
    {
      provide: LoginRateLimiter,
      inject: [RATE_LIMIT_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new RedisLoginRateLimiter(redis, `${config.queuePrefix}:rate-limit`),
    },
    {
      provide: RegistrationRateLimiter,
      inject: [RATE_LIMIT_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new RedisRegistrationRateLimiter(redis, `${config.queuePrefix}:rate-limit`, config.rateLimits.registrationsPerAddressPerHour),
    },
    {
      provide: VerificationEmailRateLimiter,
      inject: [RATE_LIMIT_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new RedisVerificationEmailRateLimiter(redis, `${config.queuePrefix}:rate-limit`),
    },
    {
      provide: RateLimiter,
      inject: [RATE_LIMIT_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new RedisRateLimiter(redis, `${config.queuePrefix}:rate-limit`, {
          offerMatches: { points: config.rateLimits.offerMatchesPerUserPerMinute, windowSeconds: 60 },
          mapFeatures: { points: config.rateLimits.mapFeaturesPerUserPerMinute, windowSeconds: 60 },
        }),
    },
  ],
  exports: [LoginRateLimiter, RegistrationRateLimiter, RateLimiter, VerificationEmailRateLimiter],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
