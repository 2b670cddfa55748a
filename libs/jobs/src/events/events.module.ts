import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { redisOptions } from '../redis-connection';
import { RedisEventBus } from './redis-event-bus';

/** The Redis pub/sub bus of live events (subscriptions), one connection per process. */
@Module({
  providers: [
    {
      provide: RedisEventBus,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RedisEventBus(redisOptions(config.redisUrl, 'pubsub'), config.queuePrefix),
    },
    { provide: EventPublisher, useExisting: RedisEventBus },
  ],
  exports: [RedisEventBus, EventPublisher],
})
export class EventsModule implements OnApplicationShutdown {
  constructor(private readonly bus: RedisEventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
