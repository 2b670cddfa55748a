import { parseEmail } from '#domain';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { hashOpaqueToken } from './opaque-token';
import { RefreshSession } from './refresh-session.use-case';
import { SessionIssuer } from './session-issuer.service';

const USER_ID = '00000000-0000-4000-8000-000000000002';

async function setup() {
  const world = inMemoryAccounts({ refreshTtlSeconds: 600 });
  const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
  const refresh = new RefreshSession(world.refreshTokens, world.users, sessions, world.clock, world.revocations);
  await world.users.create({
    id: USER_ID,
    email: parseEmail('paul@example.fr'),
    displayName: 'Paul',
    passwordHash: 'hashed:x',
    platformAdmin: false,
    emailVerifiedAt: world.clock.now(),
    createdAt: world.clock.now(),
  });
  const first = await sessions.start((await world.users.findById(USER_ID))!);
  return { ...world, refresh, first };
}

describe('RefreshSession', () => {
  it('exchanges a refresh token for a new pair in the same family, whose access token names the same session', async () => {
    const { refresh, refreshTokens, first, accessTokens, revocations } = await setup();
    const next = await refresh.execute(first.refreshToken);
    expect(accessTokens.sessionIds).toHaveLength(2);
    expect(accessTokens.sessionIds[1]).toBe(accessTokens.sessionIds[0]);
    expect(revocations.published).toEqual([]);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.user.id).toBe(USER_ID);
    const old = await refreshTokens.findByHash(hashOpaqueToken(first.refreshToken));
    const rotated = await refreshTokens.findByHash(hashOpaqueToken(next.refreshToken));
    expect(old?.usedAt).not.toBeNull();
    expect(old?.replacedBy).toBe(rotated?.id);
    expect(rotated?.familyId).toBe(old?.familyId);
    expect(accessTokens.sessionIds[0]).toBe(old?.familyId);
  });

  it('treats a second use as theft: REFRESH_TOKEN_REUSED, the whole family is revoked and the revocation announced', async () => {
    const { refresh, refreshTokens, first, revocations } = await setup();
    const next = await refresh.execute(first.refreshToken);
    expect(revocations.published).toEqual([]);
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED', field: 'token' });
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt !== null)).toBe(true);
    const familyId = (await refreshTokens.findByHash(hashOpaqueToken(first.refreshToken)))?.familyId;
    expect(revocations.published).toEqual([{ kind: 'session', userId: USER_ID, sessionId: familyId }]);
    await expect(refresh.execute(next.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REVOKED', field: 'token' });
  });

  it('closes the session of an account deleted since, and announces it', async () => {
    const { refresh, users, refreshTokens, first, revocations } = await setup();
    users.rows.delete(USER_ID);
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID', field: 'token' });
    const familyId = (await refreshTokens.findByHash(hashOpaqueToken(first.refreshToken)))?.familyId;
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt !== null)).toBe(true);
    expect(revocations.published).toEqual([{ kind: 'session', userId: USER_ID, sessionId: familyId }]);
  });

  it('refuses an expired token with REFRESH_TOKEN_EXPIRED', async () => {
    const { refresh, clock, first } = await setup();
    clock.advance(601);
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_EXPIRED', field: 'token' });
  });

  it('refuses an unknown, empty or oversized token with REFRESH_TOKEN_INVALID', async () => {
    const { refresh } = await setup();
    for (const token of ['unknown-token', '', 'x'.repeat(1000)]) {
      await expect(refresh.execute(token)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID', field: 'token' });
    }
  });

  it('carries a promotion to platform admin into the next access token', async () => {
    const { refresh, users, accessTokens, first } = await setup();
    await users.setPlatformAdmin(USER_ID, true);
    await refresh.execute(first.refreshToken);
    expect(accessTokens.issued.at(-1)).toEqual({ userId: USER_ID, platformAdmin: true, emailVerified: true });
  });
});
