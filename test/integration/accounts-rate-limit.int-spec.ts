import { randomBytes } from 'node:crypto';
import { parseEmail } from '#domain';
import { RedisLoginRateLimiter, redisOptions } from '#jobs';
import Redis from 'ioredis';

// jest.config.js sets testTimeout per project, which Jest ignores there (it is a global option): set it here.
jest.setTimeout(30000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('the Redis login rate limiter', () => {
  let redisA: Redis;
  let redisB: Redis;
  let prefix: string;

  beforeAll(() => {
    // Two connections stand for two API instances sharing one Redis.
    redisA = new Redis(redisOptions(REDIS_URL, 'producer'));
    redisB = new Redis(redisOptions(REDIS_URL, 'producer'));
  });

  beforeEach(() => {
    prefix = `glane-test-${randomBytes(4).toString('hex')}:rate-limit`;
  });

  afterAll(async () => {
    const keys = await redisA.keys('glane-test-*:rate-limit:*');
    if (keys.length > 0) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  const limits = { perAccount: { attempts: 5, windowSeconds: 60 }, perAddress: { attempts: 8, windowSeconds: 60 } };

  it('lets exactly the allowed number of simultaneous attempts through, across instances', async () => {
    const a = new RedisLoginRateLimiter(redisA, prefix, limits);
    const b = new RedisLoginRateLimiter(redisB, prefix, limits);
    const attempt = { email: parseEmail('marie@example.fr'), ip: undefined };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).consume(attempt)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'RATE_LIMITED' });
      const retry = (r.reason as { params: { retryAfterSeconds: number } }).params.retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
    }
  });

  it('starts the account count again after a success, and gives the attempt back to the address', async () => {
    const limiter = new RedisLoginRateLimiter(redisA, prefix, limits);
    const attempt = { email: parseEmail('paul@example.fr'), ip: '203.0.113.9' };
    for (let i = 0; i < 4; i++) await limiter.consume(attempt);
    await limiter.consume(attempt);
    await limiter.succeeded(attempt);
    for (let i = 0; i < 3; i++) await limiter.consume(attempt);
    // 4 + 1 (succeeded, given back) + 3 = 7 counted against the address: one more is allowed, then none.
    await limiter.consume({ email: parseEmail('other@example.fr'), ip: '203.0.113.9' });
    await expect(limiter.consume({ email: parseEmail('third@example.fr'), ip: '203.0.113.9' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('limits an address spraying many accounts, and not other addresses', async () => {
    const limiter = new RedisLoginRateLimiter(redisA, prefix, limits);
    for (let i = 0; i < 8; i++) await limiter.consume({ email: parseEmail(`user${i}@example.fr`), ip: '198.51.100.1' });
    await expect(limiter.consume({ email: parseEmail('user9@example.fr'), ip: '198.51.100.1' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(limiter.consume({ email: parseEmail('user9@example.fr'), ip: '198.51.100.2' })).resolves.toBeUndefined();
  });

  it('stores no email address in Redis', async () => {
    const limiter = new RedisLoginRateLimiter(redisA, prefix, limits);
    await limiter.consume({ email: parseEmail('secret.person@example.fr'), ip: '192.0.2.1' });
    const keys = await redisA.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('secret.person');
  });
});
