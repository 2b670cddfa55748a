import { JwtService } from '@nestjs/jwt';
import { SystemClock, type Actor } from '#application';
import type { AppConfig } from '#config';
import { checkPresentedToken, presentedToken } from '../auth/access-token.context';
import { JwtAccessTokens } from '../auth/access-token.service';
import { LiveConnection, type ClosableSocket } from './live-connection';

const SECRET = 'unit-test-access-secret-0123456789abcdef';
const MARIE: Actor = { userId: '5f0c6a52-1b7e-4c1f-9d3a-2f4b8e6a7c10', platformAdmin: true, emailVerified: true };
const PAUL: Actor = { userId: '6a1d7b63-2c8f-4d20-8e4b-3a5c9f7b8d21', platformAdmin: false, emailVerified: true };
const PHONE = '0b7d3a10-6c2e-4f4a-8e1d-3c5b7a9e2f41';
const LAPTOP = '1c8e4b21-7d3f-4a5b-9f2e-4d6c8b0a3e52';

class RecordingSocket implements ClosableSocket {
  readonly closes: { code: number; reason: string }[] = [];
  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }
}

// Fake timers move Date too, so the system clock, the tokens and the expiry timer all agree.
const clock = new SystemClock();
const tokens = new JwtAccessTokens(new JwtService({ secret: SECRET }), clock, { jwt: { accessSecret: SECRET, accessTtlSeconds: 60 } } as AppConfig);

async function connect(actor: Actor | undefined, sessionId = PHONE): Promise<{ socket: RecordingSocket; connection: LiveConnection }> {
  const header = actor === undefined ? undefined : `Bearer ${(await tokens.issue(actor, sessionId)).token}`;
  const socket = new RecordingSocket();
  return { socket, connection: new LiveConnection(socket, checkPresentedToken(presentedToken(header), tokens), tokens, clock) };
}

const renewal = async (actor: Actor, sessionId = PHONE) => ({ kind: 'renewal', token: (await tokens.issue(actor, sessionId)).token }) as const;

describe('LiveConnection', () => {
  beforeEach(() => {
    // jsonwebtoken signs asynchronously through setImmediate and nextTick: those stay real.
    jest.useFakeTimers({ now: new Date('2026-11-20T10:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('closes the socket with 4401 when its token expires, and answers UNAUTHENTICATED (expired) afterwards', async () => {
    const { socket, connection } = await connect(MARIE);
    expect(connection.actor).toEqual(MARIE);
    jest.advanceTimersByTime(59_999);
    expect(socket.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(socket.closes).toEqual([{ code: 4401, reason: 'Unauthorized: access token expired' }]);
    expect(() => connection.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', params: { reason: 'expired' } }) as Error);
  });

  it('renews with a fresh token of the same person: the new expiry replaces the old, the new actor shows at once', async () => {
    const { socket, connection } = await connect(MARIE);
    jest.advanceTimersByTime(30_000);
    const demoted = { ...MARIE, platformAdmin: false };
    connection.ping(await renewal(demoted, LAPTOP));
    expect(connection.actor).toEqual(demoted);
    expect(connection.session?.sessionId).toBe(LAPTOP);
    jest.advanceTimersByTime(59_999);
    expect(socket.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(socket.closes).toEqual([{ code: 4401, reason: 'Unauthorized: access token expired' }]);
  });

  it("closes with 4403 for a renewal with another person's token, keeping nobody's actor", async () => {
    const { socket, connection } = await connect(MARIE);
    connection.ping(await renewal(PAUL));
    expect(socket.closes).toEqual([{ code: 4403, reason: 'Forbidden: renewal token of another user' }]);
    expect(() => connection.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as Error);
    // Closed once: the expiry that would have come does nothing more.
    jest.advanceTimersByTime(120_000);
    expect(socket.closes).toHaveLength(1);
  });

  it.each([
    ['garbage', async () => ({ kind: 'renewal', token: 'not.a.token' }) as const],
    ['a token that is not even a string', async () => ({ kind: 'malformedRenewal' }) as const],
    ['a forged signature', async () => ({ kind: 'renewal', token: `${(await renewal(MARIE)).token.slice(0, -3)}xyz` }) as const],
    [
      'a token signed with another key',
      async () =>
        ({
          kind: 'renewal',
          token: new JwtService({ secret: 'another-secret-another-secret-0123' }).sign(
            { sub: MARIE.userId, pa: true, ev: true, sid: PHONE, typ: 'access', jti: 'j' },
            { expiresIn: 60, issuer: 'glane', audience: 'glane-api' },
          ),
        }) as const,
    ],
  ])('closes with 4401 for a renewal with %s, the actor untouched until then', async (_label, make) => {
    const { socket, connection } = await connect(MARIE);
    connection.ping(await make());
    expect(socket.closes).toEqual([{ code: 4401, reason: 'Unauthorized: renewal token refused' }]);
  });

  it('closes with 4401 for a renewal with an expired token of the same person', async () => {
    const stale = await renewal(MARIE);
    jest.advanceTimersByTime(61_000);
    const { socket, connection } = await connect(MARIE);
    connection.ping(stale);
    expect(socket.closes).toEqual([{ code: 4401, reason: 'Unauthorized: renewal token refused' }]);
  });

  it('ignores keep-alive pings', async () => {
    const { socket, connection } = await connect(MARIE);
    connection.ping({ kind: 'keepAlive' });
    expect(socket.closes).toEqual([]);
    expect(connection.actor).toEqual(MARIE);
  });

  it('keeps a connection opened without a token, or with a refused one, open as before; it cannot be renewed (4403)', async () => {
    const anonymous = await connect(undefined);
    expect(anonymous.connection.actor).toBeUndefined();
    jest.advanceTimersByTime(3_600_000);
    expect(anonymous.socket.closes).toEqual([]);
    anonymous.connection.ping(await renewal(MARIE));
    expect(anonymous.socket.closes).toEqual([{ code: 4403, reason: 'Forbidden: connection not signed in' }]);

    const socket = new RecordingSocket();
    const refused = new LiveConnection(socket, checkPresentedToken(presentedToken('Bearer a.b.c'), tokens), tokens, clock);
    expect(() => refused.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization', params: { reason: 'invalid' } }) as Error);
    expect(socket.closes).toEqual([]);
  });

  it('closes with 4403 when its session, or every session of its person, is revoked; not for another session', async () => {
    const phone = await connect(MARIE, PHONE);
    const laptop = await connect(MARIE, LAPTOP);
    const paul = await connect(PAUL, PHONE);
    for (const { connection } of [phone, laptop, paul]) connection.endIfRevoked({ kind: 'session', userId: MARIE.userId, sessionId: PHONE });
    expect(phone.socket.closes).toEqual([{ code: 4403, reason: 'Forbidden: session revoked' }]);
    expect(laptop.socket.closes).toEqual([]);
    expect(paul.socket.closes).toEqual([]);
    for (const { connection } of [laptop, paul]) connection.endIfRevoked({ kind: 'user', userId: MARIE.userId });
    expect(laptop.socket.closes).toEqual([{ code: 4403, reason: 'Forbidden: session revoked' }]);
    expect(paul.socket.closes).toEqual([]);
  });

  it('follows the session of the renewal: revoking the old one no longer closes it', async () => {
    const { socket, connection } = await connect(MARIE, PHONE);
    connection.ping(await renewal(MARIE, LAPTOP));
    connection.endIfRevoked({ kind: 'session', userId: MARIE.userId, sessionId: PHONE });
    expect(socket.closes).toEqual([]);
    connection.endIfRevoked({ kind: 'session', userId: MARIE.userId, sessionId: LAPTOP });
    expect(socket.closes).toEqual([{ code: 4403, reason: 'Forbidden: session revoked' }]);
  });

  it('stops its timer when the socket closes from the other side', async () => {
    const { socket, connection } = await connect(MARIE);
    connection.dispose();
    jest.advanceTimersByTime(120_000);
    expect(socket.closes).toEqual([]);
    expect(() => connection.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as Error);
  });
});
