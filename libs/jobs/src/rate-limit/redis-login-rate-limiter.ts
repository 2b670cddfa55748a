import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { LoginRateLimiter, type LoginAttempt } from '#application';
import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { consumeEach } from './consume-each';
import { whenReady } from './redis-ready';

export interface LoginRateLimits {
  /** Attempts allowed per account (normalised email) per window; a successful sign-in starts it again. */
  readonly perAccount: { readonly attempts: number; readonly windowSeconds: number };
  /** Attempts allowed per client address per window; successful ones are given back. */
  readonly perAddress: { readonly attempts: number; readonly windowSeconds: number };
}

// Five tries per account slow password guessing to a crawl while forgiving typos; fifty per
// address stop one machine from spraying passwords over many accounts, yet let a shared office or
// school NAT sign its people in.
export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  perAccount: { attempts: 5, windowSeconds: 15 * 60 },
  perAddress: { attempts: 50, windowSeconds: 15 * 60 },
};

/**
 * Sign-in limits kept in Redis, so every API instance counts against the same numbers. Counts are
 * fixed windows starting at the first attempt (rate-limiter-flexible's atomic INCR + TTL script).
 */
export class RedisLoginRateLimiter extends LoginRateLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS,
  ) {
    super();
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:login:account`,
      points: limits.perAccount.attempts,
      duration: limits.perAccount.windowSeconds,
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:login:address`,
      points: limits.perAddress.attempts,
      duration: limits.perAddress.windowSeconds,
    });
  }

  async consume(attempt: LoginAttempt): Promise<void> {
    await whenReady(this.redis);
    await consumeEach([
      [this.perAccount, accountKey(attempt.email)],
      [this.perAddress, addressKey(attempt.ip)],
    ]);
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await whenReady(this.redis);
    const address = addressKey(attempt.ip);
    await Promise.all([this.perAccount.delete(accountKey(attempt.email)), address === undefined ? undefined : this.perAddress.reward(address, 1)]);
  }
}

/** The email is hashed so Redis holds no address book; the count is the same for known and unknown emails. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}

/**
 * IPv4 addresses as they are; IPv6 ones by their /64 prefix, since one host commonly holds a whole
 * /64 and could otherwise use a fresh address per attempt. IPv4-mapped IPv6 is read as IPv4.
 */
export function addressKey(ip: string | undefined): string | undefined {
  if (ip === undefined || ip === '') return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const withoutZone = ip.split('%')[0] ?? ip;
  const [head = '', tail] = withoutZone.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
