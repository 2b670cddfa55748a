import { Logger } from '@nestjs/common';
import { SessionRevocationSignal, type SessionRevocation } from '#application';
import Redis, { type RedisOptions } from 'ioredis';
import { whenReady } from '../rate-limit/redis-ready';
import { decodeRevocation, encodeRevocation } from './session-revocation.message';

/**
 * Session revocations over Redis pub/sub, on one channel under the configured prefix (so
 * environments and test runs sharing a Redis never hear each other). Publishing uses a connection
 * that fails fast: a logout while Redis is down is answered at once, the revocation stored in
 * PostgreSQL, and only the signal lost (connections then end with their access token). The listening
 * connection is opened on the first listen() only (API instances listen) and waits for Redis as
 * long as it takes, re-subscribing by itself after an outage; what was published meanwhile is lost
 * the same way.
 */
export class RedisSessionRevocationSignal extends SessionRevocationSignal {
  private readonly logger = new Logger('SessionRevocation');
  private readonly publisher: Redis;
  private subscriber: Redis | undefined;
  private readonly listeners = new Set<(revocation: SessionRevocation) => void>();

  constructor(
    publisherOptions: RedisOptions,
    private readonly subscriberOptions: RedisOptions,
    readonly channel: string,
  ) {
    super();
    this.publisher = this.connect(publisherOptions, 'logouts are stored but live connections of revoked sessions close only when their token expires');
  }

  async publish(revocation: SessionRevocation): Promise<void> {
    try {
      await whenReady(this.publisher);
      await this.publisher.publish(this.channel, encodeRevocation(revocation));
    } catch (error) {
      this.logger.warn(`revocation not announced (${describe(revocation)}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  listen(listener: (revocation: SessionRevocation) => void): () => void {
    this.listeners.add(listener);
    this.subscriber ??= this.openSubscriber();
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.publisher.disconnect();
    this.subscriber?.disconnect();
  }

  /** A connection that says once that Redis is gone, with what that means, and once that it is back. */
  private connect(options: RedisOptions, meanwhile: string): Redis {
    const redis = new Redis(options);
    let down = false;
    redis.on('error', (error: Error) => {
      if (!down) this.logger.error(`redis unreachable (${error.message}); until it is back, ${meanwhile}`);
      down = true;
    });
    redis.on('ready', () => {
      if (down) this.logger.log('redis reachable again');
      down = false;
    });
    return redis;
  }

  private openSubscriber(): Redis {
    const subscriber = this.connect(this.subscriberOptions, 'this instance keeps the live connections of revoked sessions open until their token expires');
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const revocation = decodeRevocation(message);
      if (revocation === undefined) {
        this.logger.warn('ignored a message on the revocation channel that is not a revocation');
        return;
      }
      for (const listener of this.listeners) listener(revocation);
    });
    // Queued until Redis answers; ioredis subscribes again by itself after every reconnection.
    subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.error(`could not listen for revocations: ${error instanceof Error ? error.message : String(error)}`);
    });
    return subscriber;
  }
}

function describe(revocation: SessionRevocation): string {
  return revocation.kind === 'session' ? `session ${revocation.sessionId}` : `every session of ${revocation.userId}`;
}
