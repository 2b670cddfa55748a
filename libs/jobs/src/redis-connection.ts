import type { RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker' | 'pubsub';

/**
 * ioredis options per role. Workers and subscribers wait for Redis as long as it takes
 * (BullMQ requires maxRetriesPerRequest: null for blocking commands); producers fail fast so an
 * API request is answered with an error instead of hanging while Redis restarts.
 */
export function redisOptions(url: string, role: RedisRole): RedisOptions {
  const parsed = new URL(url);
  const base: RedisOptions = {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Back off to at most 5 s between reconnection attempts, forever.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 5000),
  };
  switch (role) {
    case 'producer':
      return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false };
    case 'worker':
    case 'pubsub':
      return { ...base, maxRetriesPerRequest: null };
    default: {
      const unknownRole: never = role;
      throw new Error(`unknown redis role ${String(unknownRole)}`);
    }
  }
}
