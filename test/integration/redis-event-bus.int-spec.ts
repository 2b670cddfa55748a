import { randomUUID } from 'node:crypto';
import { RedisEventBus, redisOptions } from '#jobs';
import { provideTestServices, type TestServices } from '../support/test-stack';

/** The live-event bus against the real Redis: what a subscription resolver relies on. */
describe('RedisEventBus, against the real Redis', () => {
  let services: TestServices;
  let bus: RedisEventBus;
  let publisher: RedisEventBus;

  beforeAll(async () => {
    services = await provideTestServices();
    const prefix = `${services.config.queuePrefix}-bus-${randomUUID().slice(0, 8)}`;
    bus = new RedisEventBus(redisOptions(services.config.redisUrl, 'pubsub'), prefix);
    // Another process's bus (the worker's, another API instance's) publishing on the same prefix.
    publisher = new RedisEventBus(redisOptions(services.config.redisUrl, 'pubsub'), prefix);
  });

  afterAll(async () => {
    await Promise.all([bus?.close(), publisher?.close()]);
    await services?.release();
  });

  it('keeps an event published between subscribing and the first read: a resolver may check after subscribing and miss nothing', async () => {
    const events = await bus.subscribe('runs.changed');
    const runId = randomUUID();
    await publisher.publish('runs.changed', { runId });
    // Nobody has read yet; the event waits in the iterator.
    await expect(events.next()).resolves.toEqual({ done: false, value: { runId } });
    await events.return?.();
  });

  it('gives every subscription of the process each event, in order, and counts the subscriptions until they end', async () => {
    const first = await bus.subscribe('system.heartbeat');
    const second = await bus.subscribe('system.heartbeat');
    expect(bus.subscriberCount('system.heartbeat')).toBe(2);

    const beats = ['a', 'b', 'c'].map((requestId) => ({
      requestId,
      requestedAt: '2026-12-03T10:00:00.000Z',
      processedAt: '2026-12-03T10:00:01.000Z',
      processedBy: 'test',
    }));
    for (const beat of beats) await publisher.publish('system.heartbeat', beat);
    for (const iterator of [first, second]) {
      for (const beat of beats) await expect(iterator.next()).resolves.toEqual({ done: false, value: beat });
    }

    await first.return?.();
    expect(bus.subscriberCount('system.heartbeat')).toBe(1);
    await expect(first.next()).resolves.toEqual({ done: true, value: undefined });
    await second.return?.();
    expect(bus.subscriberCount('system.heartbeat')).toBe(0);
  });
});
