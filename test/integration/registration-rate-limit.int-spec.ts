import { randomBytes } from 'node:crypto';
import { RedisRegistrationRateLimiter, redisOptions } from '#jobs';
import Redis from 'ioredis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('the Redis registration rate limiter', () => {
  let redisA: Redis;
  let redisB: Redis;
  let prefix: string;

  beforeAll(async () => {
    // Two connections stand for two API instances sharing one Redis.
    redisA = new Redis(redisOptions(REDIS_URL, 'producer'));
    redisB = new Redis(redisOptions(REDIS_URL, 'producer'));
    await Promise.all([redisA.ping(), redisB.ping()].map((p) => p.catch(() => undefined)));
  });

  beforeEach(() => {
    prefix = `glane-test-${randomBytes(4).toString('hex')}:rate-limit`;
  });

  afterAll(async () => {
    const keys = await redisA.keys('glane-test-*:rate-limit:register:*');
    if (keys.length > 0) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  it('lets an address register up to its hourly limit across instances, then says when to retry', async () => {
    const instanceA = new RedisRegistrationRateLimiter(redisA, prefix, 3);
    const instanceB = new RedisRegistrationRateLimiter(redisB, prefix, 3);
    await instanceA.consume('198.51.100.4');
    await instanceB.consume('198.51.100.4');
    await instanceA.consume('198.51.100.4');
    await expect(instanceB.consume('198.51.100.4')).rejects.toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: expect.any(Number) } });
    // Another address is untouched; an unknown address (no HTTP client) is not limited.
    await expect(instanceA.consume('198.51.100.5')).resolves.toBeUndefined();
    for (let i = 0; i < 5; i += 1) await expect(instanceA.consume(undefined)).resolves.toBeUndefined();
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    const limiter = new RedisRegistrationRateLimiter(redisA, prefix, 2);
    await limiter.consume('2001:db8:1:2::1');
    await limiter.consume('2001:db8:1:2::ffff');
    await expect(limiter.consume('2001:db8:1:2:abcd::9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
