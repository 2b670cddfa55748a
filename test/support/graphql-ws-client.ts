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
 * A query or mutation over the socket: its one result, once the server completes it. Unlike
 * firstEvent it does not unsubscribe on the result: the client would count the server's completion
 * that follows as a second release and close a socket it was told to keep (lazy: false).
 */
export function operationResult<T>(client: Client, query: string, variables: Record<string, unknown> = {}, timeoutMs = 10000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: { data?: unknown; errors?: unknown } | undefined;
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          result = value;
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => {
          clearTimeout(timer);
          if (result?.errors !== undefined) reject(new Error(JSON.stringify(result.errors)));
          else resolve(result?.data as T);
        },
      },
    );
  });
}

/**
 * Waits until the API instances have subscribed to a topic's Redis channel, so a test publishes
 * only once listeners exist (graphql-ws does not acknowledge a subscription).
 */
export async function waitForSubscribers(config: AppConfig, topic: EventTopic, count: number, timeoutMs = 5000): Promise<void> {
  await waitForChannelSubscribers(config, `${config.queuePrefix}:events:${topic}`, count, timeoutMs);
}

/** How the server closed a socket. */
export interface SocketClose {
  readonly code: number;
  readonly reason: string;
}

/**
 * A graphql-ws client whose socket a test watches as a client app would: how and when the server
 * closes it, and token renewals sent as the README says (a `ping` whose payload carries the token).
 */
export interface WatchedSocket {
  readonly client: Client;
  /** Settles once the server acknowledged the connection (connection_ack). */
  readonly connected: Promise<void>;
  /** Whether the socket has closed, by either side. */
  isClosed(): boolean;
  /** The server's close, waited for at most `timeoutMs`; rejects if the socket is still open then. */
  closedWithin(timeoutMs: number): Promise<SocketClose>;
  /** Sends a ping with this payload; resolves with the pong that echoes it, rejects if the socket closes first. */
  ping(payload?: Record<string, unknown>, timeoutMs?: number): Promise<void>;
  /** ping({ accessToken }). */
  renew(accessToken: string, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export function watchedSocket(url: string, accessToken: string | undefined): WatchedSocket {
  let socket: WebSocket | undefined;
  let closedWith: SocketClose | undefined;
  const closeListeners = new Set<(close: SocketClose) => void>();
  const pongListeners = new Set<(payload: unknown) => void>();
  let connectedResolve: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (connectedResolve = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` },
    retryAttempts: 0,
    lazy: false,
    // Closes are what these tests wait for: the client must not report them as errors of its own.
    onNonLazyError: () => undefined,
    on: {
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => connectedResolve(),
      pong: (received, payload) => {
        if (received) for (const listener of [...pongListeners]) listener(payload);
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        closedWith = { code, reason: String(reason) };
        for (const listener of [...closeListeners]) listener(closedWith);
      },
    },
  });

  const closedWithin = (timeoutMs: number): Promise<SocketClose> =>
    new Promise<SocketClose>((resolve, reject) => {
      if (closedWith !== undefined) return resolve(closedWith);
      const timer = setTimeout(() => {
        closeListeners.delete(listener);
        reject(new Error(`the socket was still open after ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (close: SocketClose): void => {
        clearTimeout(timer);
        closeListeners.delete(listener);
        resolve(close);
      };
      closeListeners.add(listener);
    });

  const ping = async (payload?: Record<string, unknown>, timeoutMs = 5000): Promise<void> => {
    await connected;
    const current = socket;
    if (current === undefined || closedWith !== undefined) throw new Error('the socket is closed');
    const expected = JSON.stringify(payload ?? null);
    await new Promise<void>((resolve, reject) => {
      const done = (outcome: () => void): void => {
        clearTimeout(timer);
        pongListeners.delete(onPong);
        closeListeners.delete(onClose);
        outcome();
      };
      const onPong = (echoed: unknown): void => {
        if (JSON.stringify(echoed ?? null) === expected) done(resolve);
      };
      const onClose = (close: SocketClose): void => done(() => reject(new Error(`closed instead of answering: ${close.code} ${close.reason}`)));
      const timer = setTimeout(() => done(() => reject(new Error(`no pong within ${timeoutMs} ms`))), timeoutMs);
      pongListeners.add(onPong);
      closeListeners.add(onClose);
      current.send(JSON.stringify(payload === undefined ? { type: 'ping' } : { type: 'ping', payload }));
    });
  };

  return {
    client,
    connected,
    isClosed: () => closedWith !== undefined,
    closedWithin,
    ping,
    renew: (token, timeoutMs) => ping({ accessToken: token }, timeoutMs),
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** Waits until `count` connections listen on a Redis channel (API instances subscribe as they start, without waiting for it). */
export async function waitForChannelSubscribers(config: AppConfig, channel: string, count: number, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(config.redisUrl);
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
