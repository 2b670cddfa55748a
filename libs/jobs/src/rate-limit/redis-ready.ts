import type Redis from 'ioredis';

// Connection state the commands may wait for right after start-up (the client never queues offline).
const READY_WAIT_MS = 2000;
const waits = new WeakMap<Redis, Promise<void>>();

/**
 * Waits (briefly, and once for every caller at the same time) for a client that does not queue
 * commands while disconnected to be ready; after the wait the command fails fast as intended.
 */
export async function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  let wait = waits.get(redis);
  if (wait === undefined) {
    wait = new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        redis.off('ready', done);
        waits.delete(redis);
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      redis.once('ready', done);
    });
    waits.set(redis, wait);
  }
  await wait;
}
