import { randomUUID } from 'node:crypto';
import {
  AccessTokenIssuer,
  hashOpaqueToken,
  newOpaqueToken,
  PurgeExpiredSessions,
  RefreshSession,
  SessionIssuer,
  SessionRevocationSignal,
  SystemClock,
  type SessionSettings,
  type UserAccount,
} from '#application';
import { parseEmail } from '#domain';
import { Argon2PasswordHasher, TypeOrmRefreshTokenRepository, TypeOrmUserRepository } from '#persistence';
import { provideTestServices, type TestServices } from '../support/test-stack';

// jest.config.js sets testTimeout per project, which Jest ignores there (it is a global option): set it here.
jest.setTimeout(30000);

class StubAccessTokens extends AccessTokenIssuer {
  async issue(actor: { userId: string }) {
    return { token: `access-for-${actor.userId}`, expiresAt: new Date(Date.now() + 60_000) };
  }
}

/** These tests look at the rows; the signal to live connections is tested end to end (live-connections). */
class UnheardRevocationSignal extends SessionRevocationSignal {
  async publish(): Promise<void> {}
  listen(): () => void {
    return () => undefined;
  }
}

describe('accounts persistence against the real PostgreSQL', () => {
  let services: TestServices;
  let users: TypeOrmUserRepository;
  let tokens: TypeOrmRefreshTokenRepository;

  beforeAll(async () => {
    services = await provideTestServices();
    users = new TypeOrmUserRepository(services.dataSource);
    tokens = new TypeOrmRefreshTokenRepository(services.dataSource);
  });

  afterAll(async () => {
    await services?.release();
  });

  async function aUser(overrides: Partial<UserAccount> = {}): Promise<UserAccount> {
    const account: UserAccount = {
      id: randomUUID(),
      email: parseEmail(`person-${randomUUID().slice(0, 8)}@example.fr`),
      displayName: 'Marie Dupont',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA',
      platformAdmin: false,
      emailVerifiedAt: new Date(),
      createdAt: new Date(),
      ...overrides,
    };
    await users.create(account);
    return account;
  }

  async function aToken(
    userId: string,
    options: { familyId?: string; expiresAt?: Date; sessionStartedAt?: Date } = {},
  ): Promise<{ token: string; familyId: string }> {
    const token = newOpaqueToken();
    const familyId = options.familyId ?? randomUUID();
    await tokens.create({
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashOpaqueToken(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 3600_000),
      createdAt: new Date(),
      sessionStartedAt: options.sessionStartedAt ?? new Date(),
    });
    return { token, familyId };
  }

  describe('users', () => {
    it('stores and finds an account by normalised email and by id', async () => {
      const account = await aUser();
      expect(await users.findByEmail(account.email)).toEqual(account);
      expect(await users.findById(account.id)).toEqual(account);
      expect(await users.findByEmail(parseEmail('nobody@example.fr'))).toBeNull();
    });

    it('refuses a second account for the same email with EMAIL_ALREADY_REGISTERED, even when both race', async () => {
      const email = parseEmail('race@example.fr');
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => aUser({ email })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const rejected of results.filter((r) => r.status === 'rejected')) {
        expect(rejected.reason).toMatchObject({ code: 'EMAIL_ALREADY_REGISTERED', field: 'email' });
      }
      const [{ count }] = await services.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM users WHERE email = $1', [email]);
      expect(count).toBe(1);
    });

    it('keeps only normalised addresses (a CHECK constraint backs the unique index)', async () => {
      await expect(
        services.dataSource.query("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, 'Marie@Example.fr', 'M', 'x')", [randomUUID()]),
      ).rejects.toThrow(/users_email_normalized/);
    });

    it('promotes to platform admin and updates the password hash', async () => {
      const account = await aUser();
      expect(await users.setPlatformAdmin(account.id, true)).toBe(true);
      expect(await users.setPlatformAdmin(randomUUID(), true)).toBe(false);
      await users.updatePasswordHash(account.id, 'new-hash');
      expect(await users.findById(account.id)).toMatchObject({ platformAdmin: true, passwordHash: 'new-hash' });
    });
  });

  describe('refresh tokens', () => {
    it('stores only the SHA-256 of a token', async () => {
      const user = await aUser();
      const { token } = await aToken(user.id);
      const rows = await services.dataSource.query<{ token_hash: string }[]>('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [user.id]);
      expect(rows).toEqual([{ token_hash: hashOpaqueToken(token) }]);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('rotates a token once, into the same family, and links the replacement', async () => {
      const user = await aUser();
      const { token, familyId } = await aToken(user.id);
      const replacement = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 3600_000) };
      expect(await tokens.rotate(hashOpaqueToken(token), new Date(), replacement)).toEqual({ userId: user.id, familyId, expiresAt: replacement.expiresAt });
      const used = await tokens.findByHash(hashOpaqueToken(token));
      expect(used?.usedAt).toBeInstanceOf(Date);
      expect(used?.replacedBy).toBe(replacement.id);
      expect(await tokens.findByHash(replacement.tokenHash)).toMatchObject({ familyId, userId: user.id, usedAt: null, revokedAt: null });
      // Second use: nothing rotates, nothing is written.
      const again = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 3600_000) };
      expect(await tokens.rotate(hashOpaqueToken(token), new Date(), again)).toBeNull();
      expect(await tokens.findByHash(again.tokenHash)).toBeNull();
    });

    it('does not rotate an expired or revoked token', async () => {
      const user = await aUser();
      const expired = await aToken(user.id, { expiresAt: new Date(Date.now() - 1000) });
      const revoked = await aToken(user.id);
      await tokens.revokeFamily(revoked.familyId, new Date());
      for (const { token } of [expired, revoked]) {
        const replacement = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 3600_000) };
        expect(await tokens.rotate(hashOpaqueToken(token), new Date(), replacement)).toBeNull();
      }
    });

    it('lets exactly one of many simultaneous rotations of one token win', async () => {
      const user = await aUser();
      const { token, familyId } = await aToken(user.id);
      const attempts = Array.from({ length: 8 }, () =>
        tokens.rotate(hashOpaqueToken(token), new Date(), {
          id: randomUUID(),
          tokenHash: hashOpaqueToken(newOpaqueToken()),
          expiresAt: new Date(Date.now() + 3600_000),
        }),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r !== null)).toMatchObject([{ userId: user.id, familyId }]);
      const [{ count }] = await services.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM refresh_tokens WHERE family_id = $1', [
        familyId,
      ]);
      expect(count).toBe(2);
    });

    it('through the use case: one refresh succeeds, the racing ones are reuse and revoke the family', async () => {
      const user = await aUser();
      const { token, familyId } = await aToken(user.id);
      const settings: SessionSettings = { refreshTtlSeconds: 3600 };
      const clock = new SystemClock();
      const refresh = new RefreshSession(
        tokens,
        users,
        new SessionIssuer(new StubAccessTokens(), tokens, settings, clock),
        clock,
        new UnheardRevocationSignal(),
      );

      const results = await Promise.allSettled(Array.from({ length: 6 }, () => refresh.execute(token)));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of results.filter((r) => r.status === 'rejected')) expect(lost.reason).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', field: 'token' });

      const live = await services.dataSource.query<unknown[]>('SELECT id FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
      expect(live).toEqual([]);
      await expect(refresh.execute(won[0].status === 'fulfilled' ? won[0].value.refreshToken : '')).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REVOKED' });
    });

    it('revokes a family, or every token of a user, and says how many', async () => {
      const user = await aUser();
      const a = await aToken(user.id);
      await aToken(user.id, { familyId: a.familyId });
      const b = await aToken(user.id);
      expect(await tokens.revokeFamily(a.familyId, new Date())).toBe(2);
      expect(await tokens.revokeFamily(a.familyId, new Date())).toBe(0);
      expect(await tokens.revokeAllOfUser(user.id, new Date())).toBe(1);
      expect(await tokens.findByHash(hashOpaqueToken(b.token))).toMatchObject({ revokedAt: expect.any(Date) as Date });
    });

    it('purges tokens expired for over a day, in batches, keeping the live ones and unlinking rotations', async () => {
      const user = await aUser();
      const old = new Date(Date.now() - 3 * 24 * 3600_000);
      const family = randomUUID();
      const first = await aToken(user.id, { familyId: family, expiresAt: old });
      // A rotation whose replacement is still live: the old link must not block the purge.
      const replacement = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 3600_000) };
      await services.dataSource.query("UPDATE refresh_tokens SET expires_at = now() + interval '1 hour' WHERE token_hash = $1", [hashOpaqueToken(first.token)]);
      await tokens.rotate(hashOpaqueToken(first.token), new Date(), replacement);
      await services.dataSource.query('UPDATE refresh_tokens SET expires_at = $2 WHERE token_hash = $1', [hashOpaqueToken(first.token), old]);
      for (let i = 0; i < 5; i += 1) await aToken(user.id, { expiresAt: old });
      const recentlyExpired = await aToken(user.id, { expiresAt: new Date(Date.now() - 3600_000) });

      const purge = new PurgeExpiredSessions(tokens, { now: () => new Date() });
      const before = Number((await services.dataSource.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1', [user.id]))[0].n);
      expect(await purge.execute()).toBeGreaterThanOrEqual(6);
      expect(await tokens.findByHash(hashOpaqueToken(first.token))).toBeNull();
      expect(await tokens.findByHash(replacement.tokenHash)).toMatchObject({ familyId: family });
      expect(await tokens.findByHash(hashOpaqueToken(recentlyExpired.token))).not.toBeNull();
      const after = Number((await services.dataSource.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1', [user.id]))[0].n);
      expect(before - after).toBe(6);
      // Batches: a limit smaller than the backlog still purges everything, a batch at a time.
      for (let i = 0; i < 3; i += 1) await aToken(user.id, { expiresAt: old });
      expect(await tokens.deleteExpiredBefore(new Date(Date.now() - 24 * 3600_000), 2)).toBe(2);
      expect(await tokens.deleteExpiredBefore(new Date(Date.now() - 24 * 3600_000), 2)).toBe(1);
    });

    it('ends a session at its absolute lifetime: no rotation past it, and no replacement outlives it', async () => {
      const user = await aUser();
      const day = 24 * 3600_000;
      const maxSessionMs = 90 * day;
      // Started 89 days ago: rotates, but the replacement ends with the session, in a day.
      const ageing = await aToken(user.id, { sessionStartedAt: new Date(Date.now() - 89 * day) });
      const replacement = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 30 * day) };
      const rotated = await tokens.rotate(hashOpaqueToken(ageing.token), new Date(), replacement, maxSessionMs);
      expect(rotated?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + day);
      expect(await tokens.findByHash(replacement.tokenHash)).toMatchObject({ familyId: ageing.familyId, expiresAt: rotated?.expiresAt });
      // Started 91 days ago: refused, and the use case says why.
      const old = await aToken(user.id, { sessionStartedAt: new Date(Date.now() - 91 * day) });
      const refused = { id: randomUUID(), tokenHash: hashOpaqueToken(newOpaqueToken()), expiresAt: new Date(Date.now() + 30 * day) };
      expect(await tokens.rotate(hashOpaqueToken(old.token), new Date(), refused, maxSessionMs)).toBeNull();
      const settings: SessionSettings = { refreshTtlSeconds: 30 * 24 * 3600, maxSessionSeconds: 90 * 24 * 3600 };
      const clock = new SystemClock();
      const sessions = new SessionIssuer(new StubAccessTokens(), tokens, settings, clock);
      await expect(new RefreshSession(tokens, users, sessions, clock, new UnheardRevocationSignal()).execute(old.token)).rejects.toMatchObject({
        code: 'REFRESH_TOKEN_EXPIRED',
        params: { reason: 'session' },
      });
    });

    it("deletes a user's tokens with the user", async () => {
      const user = await aUser();
      const { token } = await aToken(user.id);
      await services.dataSource.query('DELETE FROM users WHERE id = $1', [user.id]);
      expect(await tokens.findByHash(hashOpaqueToken(token))).toBeNull();
    });
  });

  describe('argon2id hasher', () => {
    const hasher = new Argon2PasswordHasher();

    it('hashes with argon2id m=19456 t=2 p=1 and verifies', async () => {
      const hash = await hasher.hash('correct horse battery staple');
      expect(hash).toMatch(/^\$argon2id\$v=19\$/);
      expect(hash.split('$')[3]?.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
      expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
      expect(await hasher.verify(hash, 'wrong horse battery staple')).toBe(false);
      expect(await hasher.verify('not a hash', 'whatever')).toBe(false);
      expect(hasher.needsRehash(hash)).toBe(false);
      expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
      await expect(hasher.verifyAgainstDummy('anything at all')).resolves.toBeUndefined();
    });
  });
});
