import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hashOpaqueToken } from '#application';
import { parseEmail } from '#domain';
import { Argon2PasswordHasher, TypeOrmUserRepository } from '#persistence';
import request from 'supertest';
import { firstEvent, waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { provideTestServices, startApi as startAnyApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';
import type { AppConfig } from '#config';

// jest.config.js sets testTimeout per project, which Jest ignores there (it is a global option): set it here.
jest.setTimeout(30000);

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { accessToken accessTokenExpiresAt refreshToken user { id email displayName } }
}`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id email displayName } } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken user { id email } } }`;
const LOGOUT = `mutation ($refreshToken: String) { logout(refreshToken: $refreshToken) }`;
const ME = `{ me { id email displayName } }`;

const PASSWORD = 'correct horse battery staple';

interface GraphQLError {
  message: string;
  extensions: { code: string; field?: string; params?: Record<string, string | number> };
}
interface GraphQLBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLError[];
}
interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: { id: string; email: string; displayName: string };
}

async function gql<T = Record<string, unknown>>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLBody<T>> {
  const call = request(api.httpUrl).post('/graphql').set('accept-language', 'en');
  if (token !== undefined) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  expect(response.status).toBeLessThan(500);
  return response.body as GraphQLBody<T>;
}

function onlyError(body: GraphQLBody): GraphQLError {
  expect(body.errors).toHaveLength(1);
  return body.errors![0];
}

/** An API instance that has connected to PostgreSQL and Redis (it starts without them, by design). */
async function startApi(config: AppConfig): Promise<RunningApi> {
  const api = await startAnyApi(config);
  const deadline = Date.now() + 10000;
  while ((await request(api.httpUrl).get('/health/ready')).status !== 200) {
    if (Date.now() > deadline) throw new Error('API not ready within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return api;
}

let counter = 0;
const uniqueEmail = (label: string): string => `${label}.${Date.now().toString(36)}${(counter++).toString(36)}@example.fr`;

async function register(api: RunningApi, overrides: Partial<{ email: string; password: string; displayName: string }> = {}): Promise<AuthPayload> {
  const body = await gql<{ register: AuthPayload }>(api, REGISTER, {
    input: { email: uniqueEmail('person'), password: PASSWORD, displayName: 'Marie Dupont', ...overrides },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.register;
}

async function login(api: RunningApi, email: string, password = PASSWORD): Promise<GraphQLBody<{ login: AuthPayload }>> {
  return gql<{ login: AuthPayload }>(api, LOGIN, { input: { email, password } });
}

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('accounts, end to end over GraphQL: two API instances, real PostgreSQL and Redis', () => {
  let services: TestServices;
  let apiA: RunningApi;
  let apiB: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices();
    [apiA, apiB] = await Promise.all([startApi(services.config), startApi(services.config)]);
  });

  afterAll(async () => {
    await Promise.all([apiA?.app.close(), apiB?.app.close()]);
    await services?.release();
  });

  const countUsers = async (): Promise<number> => {
    const [{ count }] = await services.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM users');
    return count;
  };

  describe('register', () => {
    it('creates the account with a normalised email and an argon2id hash, and signs it in', async () => {
      const email = uniqueEmail('Marie.Dupont').toUpperCase();
      const payload = await register(apiA, { email: `  ${email} `, displayName: '  Marie Dupont ' });
      expect(payload.user).toEqual({ id: expect.any(String) as string, email: email.toLowerCase(), displayName: 'Marie Dupont' });
      expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Date(payload.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

      const [row] = await services.dataSource.query<[{ email: string; password_hash: string; platform_admin: boolean }]>(
        'SELECT email, password_hash, platform_admin FROM users WHERE id = $1',
        [payload.user.id],
      );
      expect(row.email).toBe(email.toLowerCase());
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,/);
      expect(row.password_hash).not.toContain(PASSWORD);
      expect(row.platform_admin).toBe(false);

      const me = await gql<{ me: AuthPayload['user'] }>(apiB, ME, {}, payload.accessToken);
      expect(me).toEqual({ data: { me: payload.user } });
    });

    it('issues short-lived HS256 access tokens with sub, pa, typ and jti', async () => {
      const payload = await register(apiA);
      const [header] = payload.accessToken.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toMatchObject({ alg: 'HS256', typ: 'JWT' });
      const claims = decodeClaims(payload.accessToken);
      expect(claims).toMatchObject({ sub: payload.user.id, pa: false, typ: 'access', jti: expect.any(String) as string });
      expect((claims.exp as number) - (claims.iat as number)).toBe(services.config.jwt.accessTtlSeconds);
    });

    it('refuses an email that already has an account, whatever its case, and writes nothing', async () => {
      const email = uniqueEmail('taken');
      await register(apiA, { email });
      const before = await countUsers();
      const error = onlyError(await gql(apiB, REGISTER, { input: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Other' } }));
      expect(error.extensions).toEqual({ code: 'EMAIL_ALREADY_REGISTERED', field: 'email' });
      expect(await countUsers()).toBe(before);
    });

    it.each([
      ['an invalid email', { email: 'not-an-email' }, { code: 'INVALID_EMAIL', field: 'email' }],
      ['an email without a domain', { email: 'marie@localhost' }, { code: 'INVALID_EMAIL', field: 'email' }],
      ['a password under 12 characters', { password: 'short pass!' }, { code: 'PASSWORD_TOO_SHORT', field: 'password', params: { min: 12 } }],
      ['a password of 11 emoji', { password: '🥕'.repeat(11) }, { code: 'PASSWORD_TOO_SHORT', field: 'password', params: { min: 12 } }],
      ['a password over 128 characters', { password: 'x'.repeat(129) }, { code: 'PASSWORD_TOO_LONG', field: 'password', params: { max: 128 } }],
      ['an empty display name', { displayName: '   ' }, { code: 'INVALID_DISPLAY_NAME', field: 'displayName', params: { max: 100 } }],
      ['a display name over 100 characters', { displayName: 'M'.repeat(101) }, { code: 'INVALID_DISPLAY_NAME', field: 'displayName', params: { max: 100 } }],
      [
        'a display name with a control character',
        { displayName: 'Marie\u0000Dupont' },
        { code: 'INVALID_DISPLAY_NAME', field: 'displayName', params: { max: 100 } },
      ],
    ])('refuses %s with its code and field, and writes nothing', async (_label, override, expected) => {
      const before = await countUsers();
      const error = onlyError(await gql(apiA, REGISTER, { input: { email: uniqueEmail('bad'), password: PASSWORD, displayName: 'Marie', ...override } }));
      expect(error.extensions).toEqual(expected);
      expect(error.message).not.toBe('');
      expect(await countUsers()).toBe(before);
    });
  });

  describe('login', () => {
    it('signs in with the right password, whatever the email case, on any instance', async () => {
      const email = uniqueEmail('login');
      const registered = await register(apiA, { email });
      const body = await login(apiB, `  ${email.toUpperCase()}`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.login.user).toEqual(registered.user);
      expect(body.data!.login.refreshToken).not.toBe(registered.refreshToken);
      expect(await gql(apiA, ME, {}, body.data!.login.accessToken)).toEqual({ data: { me: registered.user } });
    });

    it('answers a wrong password and an unknown email identically, in about the same time', async () => {
      const email = uniqueEmail('known');
      await register(apiA, { email });
      const timed = async (address: string): Promise<{ error: GraphQLError; ms: number }> => {
        const start = process.hrtime.bigint();
        const body = await login(apiA, address, 'wrong password, quite long');
        return { error: onlyError(body), ms: Number(process.hrtime.bigint() - start) / 1e6 };
      };
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await timed(email);
        const b = await timed(uniqueEmail('nobody'));
        expect(a.error).toEqual(b.error);
        expect(a.error.extensions).toEqual({ code: 'INVALID_CREDENTIALS' });
        expect(a.error.message).toBe('Incorrect email address or password.');
        wrong.push(a.ms);
        unknown.push(b.ms);
      }
      const median = (values: number[]): number => [...values].sort((x, y) => x - y)[1];
      // Both run one argon2id verification; without the dummy one, an unknown email would answer many times faster.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    });

    it("refuses a malformed email with INVALID_EMAIL (it cannot be anyone's)", async () => {
      expect(onlyError(await login(apiA, 'nope')).extensions).toEqual({ code: 'INVALID_EMAIL', field: 'email' });
    });

    it('says INVALID_CREDENTIALS for a password over the maximum, without hashing it', async () => {
      const email = uniqueEmail('long');
      await register(apiA, { email });
      expect(onlyError(await login(apiA, email, 'x'.repeat(5000))).extensions).toEqual({ code: 'INVALID_CREDENTIALS' });
    });

    it('puts the platform-admin flag in the access token', async () => {
      const email = parseEmail(uniqueEmail('admin'));
      const users = new TypeOrmUserRepository(services.dataSource);
      await users.create({
        id: randomUUID(),
        email,
        displayName: 'Admin',
        passwordHash: await new Argon2PasswordHasher().hash(PASSWORD),
        platformAdmin: true,
        emailVerifiedAt: new Date(),
        createdAt: new Date(),
      });
      const body = await login(apiA, email);
      expect(decodeClaims(body.data!.login.accessToken)).toMatchObject({ pa: true });
    });
  });

  describe('me and access tokens', () => {
    let session: AuthPayload;
    const jwt = (secret: string) => new JwtService({ secret });

    beforeAll(async () => {
      session = await register(apiA);
    });

    it('is UNAUTHENTICATED without a token', async () => {
      expect(onlyError(await gql(apiA, ME)).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('is UNAUTHENTICATED (field authorization) for a tampered token', async () => {
      const [header, , signature] = session.accessToken.split('.');
      const forgedClaims = Buffer.from(JSON.stringify({ ...decodeClaims(session.accessToken), pa: true })).toString('base64url');
      const error = onlyError(await gql(apiA, ME, {}, `${header}.${forgedClaims}.${signature}`));
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', field: 'authorization', params: { reason: 'invalid' } });
      expect(error.message).toBe('Please sign in to continue.');
    });

    it('is UNAUTHENTICATED (field authorization, reason expired) for an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await jwt(services.config.jwt.accessSecret).signAsync(
        { sub: session.user.id, pa: false, typ: 'access', jti: randomUUID(), iat: past, exp: past + 900 },
        { algorithm: 'HS256', issuer: 'glane', audience: 'glane-api' },
      );
      const error = onlyError(await gql(apiA, ME, {}, expired));
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', field: 'authorization', params: { reason: 'expired' } });
    });

    it.each([
      [
        'signed with another secret',
        async (sub: string) =>
          jwt('another-secret-0123456789abcdef0123456789').signAsync(
            { sub, pa: true, typ: 'access', jti: 'x' },
            { expiresIn: 60, issuer: 'glane', audience: 'glane-api' },
          ),
      ],
      [
        'unsigned (alg none)',
        async (sub: string) =>
          `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, pa: true, typ: 'access', jti: 'x', exp: Math.floor(Date.now() / 1000) + 60, iss: 'glane', aud: 'glane-api' })).toString('base64url')}.`,
      ],
      [
        'not an access token (typ)',
        async (sub: string) =>
          jwt(services.config.jwt.accessSecret).signAsync(
            { sub, pa: false, typ: 'refresh', jti: 'x' },
            { expiresIn: 60, issuer: 'glane', audience: 'glane-api' },
          ),
      ],
      ['garbage', async () => 'abc.def.ghi'],
    ])('is UNAUTHENTICATED (field authorization) for a token %s', async (_label, make) => {
      const error = onlyError(await gql(apiA, ME, {}, await make(session.user.id)));
      expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
    });

    it('is UNAUTHENTICATED for an Authorization header that is not a bearer token', async () => {
      const response = await request(apiA.httpUrl).post('/graphql').set('authorization', 'Basic bWFyaWU6c2VjcmV0').send({ query: ME });
      expect(onlyError(response.body as GraphQLBody).extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
    });

    it('works over WebSocket with connectionParams.authorization, and refuses a tampered token there too', async () => {
      const good = wsClient(apiB.wsUrl, { authorization: `Bearer ${session.accessToken}` });
      const bad = wsClient(apiB.wsUrl, { authorization: `Bearer ${session.accessToken.slice(0, -2)}xx` });
      const anonymous = wsClient(apiB.wsUrl);
      try {
        expect(await firstEvent<{ me: AuthPayload['user'] }>(good, ME, {})).toEqual({ me: session.user });
        await expect(firstEvent(bad, ME, {})).rejects.toThrow(/"code":"UNAUTHENTICATED","field":"authorization"/);
        await expect(firstEvent(anonymous, ME, {})).rejects.toThrow(/UNAUTHENTICATED/);
      } finally {
        await Promise.all([good.dispose(), bad.dispose(), anonymous.dispose()]);
      }
    });
  });

  describe('refresh tokens', () => {
    const refresh = (api: RunningApi, token: string) => gql<{ refreshToken: AuthPayload }>(api, REFRESH, { token });

    it('rotates: a refresh token works once and returns a new pair for the same person', async () => {
      const session = await register(apiA);
      const first = await refresh(apiB, session.refreshToken);
      expect(first.errors).toBeUndefined();
      const rotated = first.data!.refreshToken;
      expect(rotated.user).toEqual({ id: session.user.id, email: session.user.email });
      expect(rotated.refreshToken).not.toBe(session.refreshToken);
      expect(rotated.accessToken).not.toBe(session.accessToken);
      expect(await gql(apiA, ME, {}, rotated.accessToken)).toMatchObject({ data: { me: { id: session.user.id } } });

      const second = await refresh(apiA, rotated.refreshToken);
      expect(second.errors).toBeUndefined();
      const rows = await services.dataSource.query<unknown[]>('SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1', [session.user.id]);
      expect(rows).toHaveLength(1);
    });

    it('detects reuse: presenting a used token revokes the whole family (RFC 9700), and only that family', async () => {
      const session = await register(apiA);
      const other = (await login(apiA, session.user.email)).data!.login;
      const rotated = (await refresh(apiA, session.refreshToken)).data!.refreshToken;

      expect(onlyError(await refresh(apiB, session.refreshToken)).extensions).toEqual({ code: 'REFRESH_TOKEN_REUSED', field: 'token' });
      // The legitimate holder's newer token died with the family: whoever stole the old one gets nothing.
      expect(onlyError(await refresh(apiA, rotated.refreshToken)).extensions).toEqual({ code: 'REFRESH_TOKEN_REVOKED', field: 'token' });
      // The person's other session (another sign-in, another family) is untouched.
      expect((await refresh(apiA, other.refreshToken)).errors).toBeUndefined();
    });

    it('lets exactly one of many simultaneous refreshes with one token succeed', async () => {
      const session = await register(apiA);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => refresh(i % 2 === 0 ? apiA : apiB, session.refreshToken)));
      const succeeded = results.filter((body) => body.data?.refreshToken);
      expect(succeeded).toHaveLength(1);
      for (const body of results.filter((b) => !b.data?.refreshToken)) expect(onlyError(body).extensions.code).toBe('REFRESH_TOKEN_REUSED');
      const [{ count }] = await services.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM refresh_tokens WHERE user_id = $1', [
        session.user.id,
      ]);
      // The original and exactly one replacement: the losers wrote nothing.
      expect(count).toBe(2);
    });

    it('refuses an expired token with REFRESH_TOKEN_EXPIRED and an unknown one with REFRESH_TOKEN_INVALID', async () => {
      const session = await register(apiA);
      await services.dataSource.query("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
        hashOpaqueToken(session.refreshToken),
      ]);
      expect(onlyError(await refresh(apiA, session.refreshToken)).extensions).toEqual({ code: 'REFRESH_TOKEN_EXPIRED', field: 'token' });
      expect(onlyError(await refresh(apiA, 'A'.repeat(43))).extensions).toEqual({ code: 'REFRESH_TOKEN_INVALID', field: 'token' });
      expect(onlyError(await refresh(apiA, '')).extensions).toEqual({ code: 'REFRESH_TOKEN_INVALID', field: 'token' });
    });
  });

  describe('logout', () => {
    const refresh = (token: string) => gql<{ refreshToken: AuthPayload }>(apiA, REFRESH, { token });

    it('revokes the session of the given refresh token, and only that one', async () => {
      const session = await register(apiA);
      const other = (await login(apiA, session.user.email)).data!.login;
      expect(await gql(apiB, LOGOUT, { refreshToken: session.refreshToken }, session.accessToken)).toEqual({ data: { logout: true } });
      expect(onlyError(await refresh(session.refreshToken)).extensions).toEqual({ code: 'REFRESH_TOKEN_REVOKED', field: 'token' });
      expect((await refresh(other.refreshToken)).errors).toBeUndefined();
    });

    it('revokes every session of the caller without a refresh token', async () => {
      const session = await register(apiA);
      const other = (await login(apiA, session.user.email)).data!.login;
      expect(await gql(apiA, LOGOUT, {}, session.accessToken)).toEqual({ data: { logout: true } });
      for (const token of [session.refreshToken, other.refreshToken]) {
        expect(onlyError(await refresh(token)).extensions.code).toBe('REFRESH_TOKEN_REVOKED');
      }
    });

    it('cannot sign someone else out, and needs a signed-in caller', async () => {
      const victim = await register(apiA);
      const attacker = await register(apiA);
      expect(onlyError(await gql(apiA, LOGOUT, { refreshToken: victim.refreshToken }, attacker.accessToken)).extensions).toEqual({
        code: 'REFRESH_TOKEN_INVALID',
        field: 'refreshToken',
      });
      expect(onlyError(await gql(apiA, LOGOUT, { refreshToken: victim.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
      expect((await refresh(victim.refreshToken)).errors).toBeUndefined();
    });
  });
});

describe('login rate limits, shared by two API instances through Redis', () => {
  let services: TestServices;
  let apiA: RunningApi;
  let apiB: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices();
    [apiA, apiB] = await Promise.all([startApi(services.config), startApi(services.config)]);
  });

  afterAll(async () => {
    await Promise.all([apiA?.app.close(), apiB?.app.close()]);
    await services?.release();
  });

  const instance = (i: number): RunningApi => (i % 2 === 0 ? apiA : apiB);

  it('refuses a sixth attempt on one account within 15 minutes, even with the right password, on either instance', async () => {
    const email = uniqueEmail('target');
    await register(apiA, { email });
    for (let i = 0; i < 5; i++) expect(onlyError(await login(instance(i), email, 'wrong password ' + i)).extensions.code).toBe('INVALID_CREDENTIALS');
    for (const api of [apiA, apiB]) {
      const error = onlyError(await login(api, email));
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.extensions.params!.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.extensions.params!.retryAfterSeconds).toBeLessThanOrEqual(900);
      expect(error.message).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    }
  });

  it('limits an email without an account exactly the same way, so the limit reveals nothing', async () => {
    const known = uniqueEmail('exists');
    await register(apiA, { email: known });
    const unknown = uniqueEmail('ghost');
    const answers = async (email: string): Promise<string[]> => {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push(onlyError(await login(instance(i), email, 'wrong password ' + i)).extensions.code);
      return codes;
    };
    const expected = [...Array<string>(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED'];
    expect(await answers(known)).toEqual(expected);
    expect(await answers(unknown)).toEqual(expected);
  });

  it('starts the account count again after a successful sign-in', async () => {
    const email = uniqueEmail('typo');
    await register(apiA, { email });
    for (let i = 0; i < 4; i++) await login(instance(i), email, 'typo password ' + i);
    expect((await login(apiB, email)).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) expect(onlyError(await login(instance(i), email, 'typo again ' + i)).extensions.code).toBe('INVALID_CREDENTIALS');
    expect((await login(apiA, email)).errors).toBeUndefined();
  });

  it('refuses parallel attempts beyond the limit (counted before the password is checked)', async () => {
    const email = uniqueEmail('burst');
    await register(apiA, { email });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(instance(i), email, 'burst password ' + i)));
    const codes = results.map((body) => onlyError(body).extensions.code).sort();
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(7);
  });
});

describe('login rate limit per address', () => {
  let services: TestServices;
  let apiA: RunningApi;
  let apiB: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices();
    [apiA, apiB] = await Promise.all([startApi(services.config), startApi(services.config)]);
  });

  afterAll(async () => {
    await Promise.all([apiA?.app.close(), apiB?.app.close()]);
    await services?.release();
  });

  it('refuses the 51st failed attempt from one address within 15 minutes, across accounts and instances', async () => {
    const victim = uniqueEmail('fresh');
    await register(apiA, { email: victim });
    // A password spray: one try on each of 50 different addresses, half through each instance.
    for (let batch = 0; batch < 5; batch++) {
      const tries = Array.from({ length: 10 }, (_, i) => login(i % 2 === 0 ? apiA : apiB, uniqueEmail(`spray${batch}-${i}`), 'Summer2026!Summer'));
      for (const body of await Promise.all(tries)) expect(onlyError(body).extensions.code).toBe('INVALID_CREDENTIALS');
    }
    const error = onlyError(await login(apiB, victim));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.params!.retryAfterSeconds).toBeGreaterThan(0);
    // The same address over WebSocket is the same address.
    const client = wsClient(apiA.wsUrl);
    try {
      await expect(firstEvent(client, LOGIN, { input: { email: victim, password: PASSWORD } })).rejects.toThrow(/RATE_LIMITED/);
    } finally {
      await client.dispose();
    }
  });
});

describe("a platform admin's subscription over WebSocket", () => {
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    services = await provideTestServices();
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
  });

  it('is authenticated by connectionParams.authorization and receives its event', async () => {
    const email = parseEmail(uniqueEmail('admin'));
    await new TypeOrmUserRepository(services.dataSource).create({
      id: randomUUID(),
      email,
      displayName: 'Admin',
      passwordHash: await new Argon2PasswordHasher().hash(PASSWORD),
      platformAdmin: true,
      emailVerifiedAt: new Date(),
      createdAt: new Date(),
    });
    const { accessToken } = (await login(api, email)).data!.login;
    const requestId = randomUUID();
    const client = wsClient(api.wsUrl, { authorization: `Bearer ${accessToken}` });
    try {
      const event = firstEvent<{ heartbeat: { requestId: string } }>(client, 'subscription ($id: ID!) { heartbeat(requestId: $id) { requestId } }', {
        id: requestId,
      });
      await waitForSubscribers(services.config, 'system.heartbeat', 1);
      const sent = await gql(api, 'mutation ($id: ID) { sendHeartbeat(requestId: $id) { requestId } }', { id: requestId }, accessToken);
      expect(sent.errors).toBeUndefined();
      expect((await event).heartbeat.requestId).toBe(requestId);
    } finally {
      await client.dispose();
    }
  });
});
