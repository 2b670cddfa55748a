import { EventEmitter, on } from 'node:events';
import { Logger } from '@nestjs/common';
import { EventPublisher, type EventPayloads, type EventTopic } from '#application';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis, { type RedisOptions } from 'ioredis';

/**
 * Live events over Redis pub/sub: published by any process (API or worker), delivered to
 * subscribers on every API instance. Channel names carry a prefix so that environments or parallel
 * test runs sharing one Redis never see each other's events.
 */
export class RedisEventBus extends EventPublisher {
  private readonly pubSub: RedisPubSub;
  /** This process's subscribers, fed by one Redis subscription per topic. */
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly channels = new Map<EventTopic, Promise<number>>();
  private readonly logger = new Logger('Events');
  private lastConnectionError: string | undefined;

  constructor(
    options: RedisOptions,
    private readonly channelPrefix: string,
  ) {
    super();
    const publisher = new Redis(options);
    const subscriber = new Redis(options);
    this.pubSub = new RedisPubSub({ publisher, subscriber, connectionListener: (error) => this.onConnectionError(error) });
    // ioredis reconnects by itself; say once that Redis is gone, and once that it is back.
    publisher.on('ready', () => {
      if (this.lastConnectionError !== undefined) this.logger.log('redis reachable again');
      this.lastConnectionError = undefined;
    });
  }

  async publish<T extends EventTopic>(topic: T, payload: EventPayloads[T]): Promise<void> {
    await this.pubSub.publish(this.channel(topic), payload);
  }

  /**
   * An async iterator of a topic's events, as GraphQL subscription resolvers return, listening from
   * the moment this resolves: a resolver that subscribes, then checks what it must, misses nothing
   * that happens in between (events arrive in order and wait in the iterator until read). The
   * topic's Redis subscription is made once per process, on first use, and kept.
   */
  async subscribe<T extends EventTopic>(topic: T): Promise<AsyncIterableIterator<EventPayloads[T]>> {
    let channel = this.channels.get(topic);
    if (channel === undefined) {
      channel = this.pubSub.subscribe(this.channel(topic), (payload: EventPayloads[T]) => this.local.emit(topic, payload));
      // A failed subscription is tried again by the next subscriber.
      channel.catch(() => this.channels.delete(topic));
      this.channels.set(topic, channel);
    }
    const events = on(this.local, topic) as AsyncIterableIterator<[EventPayloads[T]]>;
    try {
      await channel;
    } catch (error) {
      await events.return?.();
      throw error;
    }
    return payloadsOf(events);
  }

  /** How many subscriptions this process serves on a topic. */
  subscriberCount(topic: EventTopic): number {
    return this.local.listenerCount(topic);
  }

  /** Fails unless Redis answers within the timeout; used by the readiness check. */
  async ping(timeoutMs: number): Promise<void> {
    const publisher = this.pubSub.getPublisher();
    if (publisher.status !== 'ready') throw new Error(`redis connection is ${publisher.status}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([publisher.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pubSub.close();
  }

  private onConnectionError(error: Error): void {
    if (error.message === this.lastConnectionError) return;
    this.lastConnectionError = error.message;
    this.logger.error(`redis unreachable (${error.message}); live events resume when it is back`);
  }

  private channel(topic: EventTopic): string {
    return `${this.channelPrefix}:events:${topic}`;
  }
}

/** `events.on` yields each event's arguments; subscribers want the payload, the first of them. */
function payloadsOf<T>(events: AsyncIterableIterator<[T]>): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await events.next();
      return result.done === true ? { done: true, value: undefined } : { done: false, value: result.value[0] };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
