import { randomBytes, randomUUID } from 'node:crypto';
import type { SessionRevocation } from '#application';
import { RedisSessionRevocationSignal, redisOptions } from '#jobs';
import Redis from 'ioredis';
import { waitForChannelSubscribers } from '../support/graphql-ws-client';
import { TcpSwitch } from '../support/tcp-switch';
import type { AppConfig } from '#config';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function signalOn(url: string, channel: string): RedisSessionRevocationSignal {
  return new RedisSessionRevocationSignal(redisOptions(url, 'producer'), redisOptions(url, 'pubsub'), channel);
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('session revocations over the real Redis', () => {
  const signals: RedisSessionRevocationSignal[] = [];
  const redisSwitch = new TcpSwitch(new URL(REDIS_URL).hostname, Number(new URL(REDIS_URL).port || 6379));
  const newChannel = (): string => `glane-test-${randomBytes(4).toString('hex')}:sessions:revoked`;
  const make = (url: string, channel: string): RedisSessionRevocationSignal => {
    const signal = signalOn(url, channel);
    signals.push(signal);
    return signal;
  };
  const config = { redisUrl: REDIS_URL } as AppConfig;

  afterAll(async () => {
    await Promise.all(signals.map((signal) => signal.close()));
    await redisSwitch.off();
  });

  it("reaches every instance's listeners, and ignores what is not a revocation", async () => {
    const channel = newChannel();
    const [publisher, instanceA, instanceB] = [make(REDIS_URL, channel), make(REDIS_URL, channel), make(REDIS_URL, channel)];
    const heardA: SessionRevocation[] = [];
    const heardB: SessionRevocation[] = [];
    instanceA.listen((revocation) => heardA.push(revocation));
    instanceB.listen((revocation) => heardB.push(revocation));
    await waitForChannelSubscribers(config, channel, 2);

    const raw = new Redis(REDIS_URL);
    try {
      await raw.publish(channel, 'revoke everything');
      await raw.publish(channel, JSON.stringify({ kind: 'user', userId: '*' }));
    } finally {
      raw.disconnect();
    }
    const session: SessionRevocation = { kind: 'session', userId: randomUUID(), sessionId: randomUUID() };
    const user: SessionRevocation = { kind: 'user', userId: randomUUID() };
    await publisher.publish(session);
    await publisher.publish(user);
    await until(() => heardA.length >= 2 && heardB.length >= 2, 5000, 'both revocations on both instances');
    expect(heardA).toEqual([session, user]);
    expect(heardB).toEqual([session, user]);
  });

  it('stops calling a listener once it stopped listening', async () => {
    const channel = newChannel();
    const [publisher, instance] = [make(REDIS_URL, channel), make(REDIS_URL, channel)];
    const [kept, dropped]: SessionRevocation[][] = [[], []];
    instance.listen((revocation) => kept.push(revocation));
    const stop = instance.listen((revocation) => dropped.push(revocation));
    await waitForChannelSubscribers(config, channel, 1);
    stop();
    await publisher.publish({ kind: 'user', userId: randomUUID() });
    await until(() => kept.length === 1, 5000, 'the revocation');
    expect(dropped).toEqual([]);
  });

  it('answers a publication at once while Redis is down (the logout is not held up), and listens once Redis is back', async () => {
    const channel = newChannel();
    const throughSwitch = `redis://127.0.0.1:${await redisSwitch.reservePort()}`;
    const down = make(throughSwitch, channel);
    const heard: SessionRevocation[] = [];
    // Started while Redis is unreachable, as an API instance may be.
    down.listen((revocation) => heard.push(revocation));

    const startedAt = Date.now();
    await expect(down.publish({ kind: 'user', userId: randomUUID() })).resolves.toBeUndefined();
    // At most the brief wait for a connection that is still coming up, never until Redis is back.
    expect(Date.now() - startedAt).toBeLessThan(4000);

    await redisSwitch.on();
    await waitForChannelSubscribers(config, channel, 1, 20000);
    const revocation: SessionRevocation = { kind: 'session', userId: randomUUID(), sessionId: randomUUID() };
    await make(REDIS_URL, channel).publish(revocation);
    await until(() => heard.length > 0, 5000, 'the revocation after the outage');
    expect(heard).toEqual([revocation]);
  });
});
