import { JwtService } from '@nestjs/jwt';
import { SessionRevocationSignal, SystemClock, type Actor, type SessionRevocation } from '#application';
import type { AppConfig } from '#config';
import { presentedToken } from '../auth/access-token.context';
import { JwtAccessTokens } from '../auth/access-token.service';
import type { ClosableSocket } from './live-connection';
import { LiveConnections } from './live-connections.service';

const SECRET = 'unit-test-access-secret-0123456789abcdef';
const MARIE: Actor = { userId: '5f0c6a52-1b7e-4c1f-9d3a-2f4b8e6a7c10', platformAdmin: false, emailVerified: true };
const PAUL: Actor = { userId: '6a1d7b63-2c8f-4d20-8e4b-3a5c9f7b8d21', platformAdmin: false, emailVerified: true };
const PHONE = '0b7d3a10-6c2e-4f4a-8e1d-3c5b7a9e2f41';

/** What Redis does between instances, in one process: every listener hears every publication. */
class LocalSignal extends SessionRevocationSignal {
  private readonly listeners = new Set<(revocation: SessionRevocation) => void>();
  async publish(revocation: SessionRevocation): Promise<void> {
    for (const listener of this.listeners) listener(revocation);
  }
  listen(listener: (revocation: SessionRevocation) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  get listening(): number {
    return this.listeners.size;
  }
}

class RecordingSocket implements ClosableSocket {
  readonly closes: number[] = [];
  close(code: number): void {
    this.closes.push(code);
  }
}

const clock = new SystemClock();
const tokens = new JwtAccessTokens(new JwtService({ secret: SECRET }), clock, { jwt: { accessSecret: SECRET, accessTtlSeconds: 60 } } as AppConfig);
const bearer = async (actor: Actor) => presentedToken(`Bearer ${(await tokens.issue(actor, PHONE)).token}`);

describe('LiveConnections', () => {
  it("closes, on a revocation heard from any instance, this instance's sockets of that session only", async () => {
    const signal = new LocalSignal();
    const [here, there] = [new LiveConnections(tokens, clock, signal), new LiveConnections(tokens, clock, signal)];
    here.onModuleInit();
    there.onModuleInit();
    const [marieHere, marieThere, paulHere, anonymous] = [new RecordingSocket(), new RecordingSocket(), new RecordingSocket(), new RecordingSocket()];
    here.open({}, marieHere, await bearer(MARIE));
    there.open({}, marieThere, await bearer(MARIE));
    here.open({}, paulHere, await bearer(PAUL));
    here.open({}, anonymous, presentedToken(undefined));
    await signal.publish({ kind: 'session', userId: MARIE.userId, sessionId: PHONE });
    expect([marieHere.closes, marieThere.closes, paulHere.closes, anonymous.closes]).toEqual([[4403], [4403], [], []]);
    here.onModuleDestroy();
    there.onModuleDestroy();
    expect(signal.listening).toBe(0);
  });

  it('forgets a socket once it closed, and routes pings to the connection of their socket', async () => {
    const signal = new LocalSignal();
    const live = new LiveConnections(tokens, clock, signal);
    live.onModuleInit();
    const [key, socket] = [{}, new RecordingSocket()];
    live.open(key, socket, await bearer(MARIE));
    live.ping(key, { accessToken: (await tokens.issue(PAUL, PHONE)).token });
    expect(socket.closes).toEqual([4403]);
    live.closed(key);
    expect(live.of(key)).toBeUndefined();
    await signal.publish({ kind: 'user', userId: MARIE.userId });
    expect(socket.closes).toEqual([4403]);
    // A ping before connection_init has no connection to renew: nothing happens.
    expect(() => live.ping({}, { accessToken: 'x' })).not.toThrow();
    live.onModuleDestroy();
  });
});
