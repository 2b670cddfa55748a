import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { SessionRevocationSignal } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { redisOptions } from '../redis-connection';
import { RedisSessionRevocationSignal } from './redis-session-revocation-signal';

/** Where logout and refresh-token reuse announce revoked sessions, and where API instances hear of them. */
@Module({
  providers: [
    {
      provide: RedisSessionRevocationSignal,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new RedisSessionRevocationSignal(
          redisOptions(config.redisUrl, 'producer'),
          redisOptions(config.redisUrl, 'pubsub'),
          `${config.queuePrefix}:sessions:revoked`,
        ),
    },
    { provide: SessionRevocationSignal, useExisting: RedisSessionRevocationSignal },
  ],
  exports: [SessionRevocationSignal],
})
export class SessionRevocationModule implements OnApplicationShutdown {
  constructor(private readonly signal: RedisSessionRevocationSignal) {}

  async onApplicationShutdown(): Promise<void> {
    await this.signal.close();
  }
}
