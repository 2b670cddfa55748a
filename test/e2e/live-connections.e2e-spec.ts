import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Client } from 'graphql-ws';
import { RedisEventBus } from '#jobs';
import { gql, gqlOk, registerPlatformAdmin, registerUser, TEST_PASSWORD, type TestUser } from '../support/graphql-http';
import { operationResult, waitForChannelSubscribers, watchedSocket, type WatchedSocket } from '../support/graphql-ws-client';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';

// Access tokens live seconds here (the minimum is 60 outside NODE_ENV=test), so expiry happens within
// a test; long enough that the other tests finish well within one token's life on a loaded machine.
const TTL_SECONDS = 8;
// How long past a token's expiry the server may take to close its socket on a loaded machine.
const CLOSE_SLACK_MS = 5000;

const ME = `query { me { id } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const LOGOUT = `mutation ($refreshToken: String) { logout(refreshToken: $refreshToken) }`;
const HEARTBEAT = `subscription ($requestId: ID!) { heartbeat(requestId: $requestId) { requestId requestedAt } }`;
const SEND_HEARTBEAT = `mutation ($id: ID) { sendHeartbeat(requestId: $id) { requestId requestedAt } }`;

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** One sign-in session as a client app keeps it: the latest pair, refreshed whenever a fresh access token is needed. */
class ClientSession {
  constructor(
    private readonly api: RunningApi,
    private pair: TokenPair,
  ) {}

  get accessToken(): string {
    return this.pair.accessToken;
  }

  get refreshToken(): string {
    return this.pair.refreshToken;
  }

  /** Rotates the refresh token (through `api`, any instance) for a new access token of the same session. */
  async fresh(api: RunningApi = this.api): Promise<string> {
    const { refreshToken } = await gqlOk<{ refreshToken: TokenPair }>(api, REFRESH, { token: this.pair.refreshToken });
    this.pair = refreshToken;
    return refreshToken.accessToken;
  }
}

const sessionOf = (api: RunningApi, user: TestUser): ClientSession => new ClientSession(api, user);

async function signIn(api: RunningApi, user: TestUser): Promise<ClientSession> {
  const { login } = await gqlOk<{ login: TokenPair }>(api, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
  return new ClientSession(api, login);
}

const claimsOf = (token: string): { exp: number; sid: string; sub: string } =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; sid: string; sub: string };

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface HeartbeatEvent {
  requestId: string;
  requestedAt: string;
}

/** Every heartbeat event of one subscription, in arrival order. */
function followHeartbeat(client: Client, requestId: string): { events: HeartbeatEvent[]; errors: unknown[]; stop: () => void } {
  const events: HeartbeatEvent[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ heartbeat: HeartbeatEvent }>(
    { query: HEARTBEAT, variables: { requestId } },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else if (result.data) events.push(result.data.heartbeat);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

/**
 * Renews a socket's token again and again, as a client app does before each expiry, until stopped
 * or the socket closes; each renewal waits for the server's pong.
 */
function keepRenewing(socket: WatchedSocket, session: ClientSession, api: RunningApi, everyMs = 1000): { stop: () => Promise<number> } {
  let stopped = false;
  let renewals = 0;
  const loop = (async () => {
    while (!stopped && !socket.isClosed()) {
      await socket.renew(await session.fresh(api));
      renewals++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return renewals;
    },
  };
}

describe('GraphQL WebSockets end with their access token: expiry, renewal, revocation (two API instances, one Redis)', () => {
  let services: TestServices;
  let apiA: RunningApi;
  let apiB: RunningApi;
  let worker: INestApplicationContext;
  const sockets: WatchedSocket[] = [];

  const open = async (api: RunningApi, accessToken: string | undefined): Promise<WatchedSocket> => {
    const socket = watchedSocket(api.wsUrl, accessToken);
    sockets.push(socket);
    await socket.connected;
    return socket;
  };

  /** Proves a socket still serves its person: an operation over it answers with their id. */
  const answersMe = async (socket: WatchedSocket, userId: string): Promise<void> => {
    expect(await operationResult<{ me: { id: string } }>(socket.client, ME)).toEqual({ me: { id: userId } });
  };

  beforeAll(async () => {
    services = await provideTestServices({ JWT_ACCESS_TTL_SECONDS: String(TTL_SECONDS) });
    [apiA, apiB, worker] = await Promise.all([startApi(services.config), startApi(services.config), startWorker(services.config)]);
    // Each instance listens for revocations as it starts, without waiting for Redis: wait for both here.
    await waitForChannelSubscribers(services.config, `${services.config.queuePrefix}:sessions:revoked`, 2);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
  });

  afterAll(async () => {
    await Promise.all([apiA?.app.close(), apiB?.app.close(), worker?.close()]);
    await services?.release();
  });

  describe('expiry', () => {
    it('closes a socket with 4401 when its access token expires, not before', async () => {
      const marie = sessionOf(apiA, await registerUser(apiA));
      const token = await marie.fresh();
      const socket = await open(apiA, token);
      await answersMe(socket, claimsOf(token).sub);
      const expiresAtMs = claimsOf(token).exp * 1000;

      const closed = await socket.closedWithin(expiresAtMs - Date.now() + CLOSE_SLACK_MS);
      const closedAt = Date.now();
      expect(closed).toEqual({ code: 4401, reason: 'Unauthorized: access token expired' });
      // Timers may fire a few milliseconds early against the wall clock; never a second early.
      expect(closedAt).toBeGreaterThanOrEqual(expiresAtMs - 50);
    });

    it('keeps a renewed socket open past its first token’s expiry, delivering an event sent after it (heartbeat, platform admins only)', async () => {
      const admin = await registerPlatformAdmin(apiA, services.dataSource);
      const session = sessionOf(apiA, admin);
      const firstToken = await session.fresh();
      const firstExpiryMs = claimsOf(firstToken).exp * 1000;
      const socket = await open(apiA, firstToken);
      const requestId = randomUUID();
      const heartbeats = followHeartbeat(socket.client, requestId);
      // Renewals go through the other instance's refreshToken: the pair is valid on any instance.
      const renewing = keepRenewing(socket, session, apiB);
      try {
        await until(() => Date.now() > firstExpiryMs + 500, TTL_SECONDS * 1000 + 5000, 'the first token to expire');
        expect(socket.isClosed()).toBe(false);

        // Another sign-in of the admin sends it: refreshing the renewing session concurrently would look like theft.
        const sender = await signIn(apiA, admin);
        const sent = await gqlOk<{ sendHeartbeat: HeartbeatEvent }>(apiA, SEND_HEARTBEAT, { id: requestId }, sender.accessToken);
        await until(() => heartbeats.events.length > 0 || heartbeats.errors.length > 0, 15000, 'the heartbeat event');
        expect(heartbeats.errors).toEqual([]);
        expect(heartbeats.events).toEqual([sent.sendHeartbeat]);
        expect(socket.isClosed()).toBe(false);
      } finally {
        heartbeats.stop();
        expect(await renewing.stop()).toBeGreaterThanOrEqual(1);
      }
    });

    it('answers UNAUTHENTICATED (expired) on each operation of a socket opened with an expired token, as before, without closing it', async () => {
      const marie = await registerUser(apiA);
      const claims = claimsOf(marie.accessToken);
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await new JwtService({ secret: services.config.jwt.accessSecret }).signAsync(
        { sub: claims.sub, pa: false, ev: true, sid: claims.sid, typ: 'access', jti: randomUUID(), iat: past, exp: past + TTL_SECONDS },
        { algorithm: 'HS256', issuer: 'glane', audience: 'glane-api' },
      );
      const socket = await open(apiA, expired);
      await expect(operationResult(socket.client, ME)).rejects.toThrow(/"code":"UNAUTHENTICATED","field":"authorization","params":\{"reason":"expired"\}/);
      await socket.ping({ still: 'there' });
      expect(socket.isClosed()).toBe(false);
    });
  });

  describe('renewal', () => {
    it("closes with 4403 a socket renewed with another person's token", async () => {
      const [marie, paul] = await Promise.all([registerUser(apiA), registerUser(apiA)]);
      const socket = await open(apiA, await sessionOf(apiA, marie).fresh());
      const paulsToken = await sessionOf(apiA, paul).fresh();
      await expect(socket.renew(paulsToken)).rejects.toThrow(/closed instead of answering: 4403/);
      expect(await socket.closedWithin(1000)).toEqual({ code: 4403, reason: 'Forbidden: renewal token of another user' });
    });

    it.each([
      ['garbage', () => 'garbage'],
      [
        'a token whose claims were changed (platform admin) under its original signature',
        (token: string) => {
          const [header, payload, signature] = token.split('.');
          const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
          return `${header}.${Buffer.from(JSON.stringify({ ...claims, pa: true, exp: (claims.exp as number) + 3600 })).toString('base64url')}.${signature}`;
        },
      ],
      [
        'a token signed with another key',
        (token: string) => {
          const claims = claimsOf(token);
          return new JwtService({ secret: 'another-secret-another-secret-0123456789' }).sign(
            { sub: claims.sub, pa: true, ev: true, sid: claims.sid, typ: 'access', jti: randomUUID() },
            { algorithm: 'HS256', expiresIn: 3600, issuer: 'glane', audience: 'glane-api' },
          );
        },
      ],
      ['a token that is not a string', () => 42],
    ])('closes with 4401 a socket renewed with %s, and nothing else changes', async (_label, forge) => {
      const marie = await registerUser(apiA);
      const session = sessionOf(apiA, marie);
      const token = await session.fresh();
      const [victim, sibling] = await Promise.all([open(apiA, token), open(apiB, token)]);

      await expect(victim.ping({ accessToken: forge(token) })).rejects.toThrow(/closed instead of answering: 4401/);
      expect(await victim.closedWithin(1000)).toEqual({ code: 4401, reason: 'Unauthorized: renewal token refused' });

      // The same session's other socket, its access token over HTTP and its refresh token all still work.
      await sibling.renew(await session.fresh());
      await answersMe(sibling, marie.id);
      expect((await gql<{ me: { id: string } }>(apiA, ME, {}, session.accessToken)).data).toEqual({ me: { id: marie.id } });
      expect(sibling.isClosed()).toBe(false);
    });

    it('answers a ping without a token (keep-alive) with a pong and changes nothing', async () => {
      const marie = await registerUser(apiA);
      const socket = await open(apiA, await sessionOf(apiA, marie).fresh());
      await socket.ping();
      await socket.ping({ latency: 'probe' });
      await answersMe(socket, marie.id);
    });
  });

  describe('revocation, announced to every instance through Redis', () => {
    it('closes with 4403 the sockets of a session signed out through the other instance, on both instances, and only them', async () => {
      const [marie, paul] = await Promise.all([registerUser(apiA), registerUser(apiA)]);
      const phone = sessionOf(apiA, marie);
      const laptop = await signIn(apiA, marie);
      const paulSession = sessionOf(apiA, paul);
      const phoneToken = await phone.fresh();
      const [phoneOnA, phoneOnB, laptopOnA, paulOnA] = await Promise.all([
        open(apiA, phoneToken),
        open(apiB, phoneToken),
        open(apiA, await laptop.fresh()),
        open(apiA, await paulSession.fresh()),
      ]);

      expect(await gqlOk(apiB, LOGOUT, { refreshToken: phone.refreshToken }, phoneToken)).toEqual({ logout: true });
      const closes = await Promise.all([phoneOnA.closedWithin(5000), phoneOnB.closedWithin(5000)]);
      expect(closes).toEqual([
        { code: 4403, reason: 'Forbidden: session revoked' },
        { code: 4403, reason: 'Forbidden: session revoked' },
      ]);
      // The person's other session and another person's socket were not touched.
      await answersMe(laptopOnA, marie.id);
      await answersMe(paulOnA, paul.id);
      expect([laptopOnA.isClosed(), paulOnA.isClosed()]).toEqual([false, false]);
    });

    it('closes every socket of a person who signs out everywhere (logout without a refresh token)', async () => {
      const [marie, paul] = await Promise.all([registerUser(apiA), registerUser(apiA)]);
      const phone = sessionOf(apiA, marie);
      const laptop = await signIn(apiB, marie);
      const [phoneOnA, laptopOnB, paulOnB] = await Promise.all([
        open(apiA, await phone.fresh()),
        open(apiB, await laptop.fresh()),
        open(apiB, await sessionOf(apiA, paul).fresh()),
      ]);

      expect(await gqlOk(apiB, LOGOUT, {}, phone.accessToken)).toEqual({ logout: true });
      expect(await Promise.all([phoneOnA.closedWithin(5000), laptopOnB.closedWithin(5000)])).toEqual([
        { code: 4403, reason: 'Forbidden: session revoked' },
        { code: 4403, reason: 'Forbidden: session revoked' },
      ]);
      await answersMe(paulOnB, paul.id);
    });

    it('closes the sockets of a session whose refresh token was presented twice (theft), wherever it was presented', async () => {
      const marie = await registerUser(apiA);
      const session = sessionOf(apiA, marie);
      const stolen = session.refreshToken;
      const socket = await open(apiA, await session.fresh(apiB));
      const reuse = await gql(apiB, REFRESH, { token: stolen });
      expect(reuse.errors?.[0]?.extensions).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', field: 'token' });
      expect(await socket.closedWithin(5000)).toEqual({ code: 4403, reason: 'Forbidden: session revoked' });
    });

    it('follows the session of the latest renewal: revoking the first session no longer closes a socket renewed into another', async () => {
      const marie = await registerUser(apiA);
      const phone = sessionOf(apiA, marie);
      const laptop = await signIn(apiA, marie);
      const phoneToken = await phone.fresh();
      const [renewed, stayed] = await Promise.all([open(apiA, phoneToken), open(apiA, phoneToken)]);
      await renewed.renew(await laptop.fresh());

      expect(await gqlOk(apiB, LOGOUT, { refreshToken: phone.refreshToken }, phoneToken)).toEqual({ logout: true });
      // The revocation reached apiA (the socket left on the phone session closed); the renewed one stays.
      expect(await stayed.closedWithin(5000)).toEqual({ code: 4403, reason: 'Forbidden: session revoked' });
      await answersMe(renewed, marie.id);
      expect(renewed.isClosed()).toBe(false);

      expect(await gqlOk(apiB, LOGOUT, { refreshToken: laptop.refreshToken }, laptop.accessToken)).toEqual({ logout: true });
      expect(await renewed.closedWithin(5000)).toEqual({ code: 4403, reason: 'Forbidden: session revoked' });
    });
  });

  describe('authorisation on each event, with the actor of the latest token', () => {
    it('stops the heartbeat of a platform admin demoted since subscribing, and resumes it once the right is back', async () => {
      const [demoted, witness] = await Promise.all([registerPlatformAdmin(apiA, services.dataSource), registerPlatformAdmin(apiA, services.dataSource)]);
      const demotedSession = sessionOf(apiA, demoted);
      const witnessSession = sessionOf(apiA, witness);
      const requestId = randomUUID();
      // The worker answers one heartbeat per request id (its job id): later answers to the same
      // subscription are published as the worker publishes them.
      let answers = 0;
      const answer = async (): Promise<HeartbeatEvent> => {
        const event = {
          requestId,
          requestedAt: new Date(Date.UTC(2026, 10, 20, 10, 0, answers++)).toISOString(),
          processedAt: new Date().toISOString(),
          processedBy: 'live-connections-e2e',
        };
        await apiA.app.get(RedisEventBus).publish('system.heartbeat', event);
        return { requestId, requestedAt: event.requestedAt };
      };
      const setPlatformAdmin = (value: boolean) => services.dataSource.query('UPDATE users SET platform_admin = $2 WHERE id = $1', [demoted.id, value]);
      const x = await open(apiA, await demotedSession.fresh());
      const y = await open(apiB, await witnessSession.fresh());
      const onX = followHeartbeat(x.client, requestId);
      const onY = followHeartbeat(y.client, requestId);
      try {
        // Both subscriptions are live: each hears an answer.
        await answerUntilHeard(answer, () => onX.events.length > 0 && onY.events.length > 0);

        // Demoted: the socket is renewed with a token that says so (same person, so accepted).
        await setPlatformAdmin(false);
        await x.renew(await demotedSession.fresh());
        const second = await answer();
        await until(() => onY.events.some((event) => event.requestedAt === second.requestedAt), 10000, 'the second answer on the witness');

        // Promoted again: the third answer reaches the subscription, and the second never did
        // (a subscription receives its events in order, so it would have come before the third).
        await setPlatformAdmin(true);
        await x.renew(await demotedSession.fresh());
        const third = await answer();
        await until(() => onX.events.some((event) => event.requestedAt === third.requestedAt), 10000, 'the third answer on the re-promoted admin');
        expect(onX.events.map((event) => event.requestedAt)).not.toContain(second.requestedAt);
        expect(onX.errors).toEqual([]);
        expect(x.isClosed()).toBe(false);
      } finally {
        onX.stop();
        onY.stop();
      }
    });
  });
});

/**
 * Publishes answers until `heard` (graphql-ws does not acknowledge a subscription, so the first
 * ones may come before it is registered).
 */
async function answerUntilHeard(answer: () => Promise<HeartbeatEvent>, heard: () => boolean, attempts = 50): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await answer();
    const deadline = Date.now() + 200;
    while (Date.now() < deadline) {
      if (heard()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error(`no answer heard after ${attempts} attempts`);
}
