import type { AppConfig } from '#config';
import type { EventTopic } from '#application';
import { createClient, type Client } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';

/** A real graphql-ws client over a real WebSocket, as a client app would use. */
export function wsClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false });
}

/** Subscribes and resolves with the first event; rejects on error or after the timeout. */
export function firstEvent<T>(client: Client, query: string, variables: Record<string, unknown>, timeoutMs = 10000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          clearTimeout(timer);
          unsubscribe();
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else resolve(result.data as T);
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => undefined,
      },
    );
  });
}

/**
 * Waits until the API instances have subscribed to a topic's Redis channel, so a test publishes
 * only once listeners exist (graphql-ws does not acknowledge a subscription).
 */
export async function waitForSubscribers(config: AppConfig, topic: EventTopic, count: number, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(config.redisUrl);
  const channel = `${config.queuePrefix}:events:${topic}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const [, subscribers] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(subscribers) >= count) return;
      if (Date.now() > deadline) throw new Error(`only ${subscribers} subscriber(s) on ${channel} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    redis.disconnect();
  }
}
