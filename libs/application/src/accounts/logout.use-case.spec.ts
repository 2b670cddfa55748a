import { parseEmail } from '#domain';
import { GetCurrentUser } from './get-current-user.use-case';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { Logout } from './logout.use-case';
import { SessionIssuer } from './session-issuer.service';

const MARIE = { userId: '00000000-0000-4000-8000-000000000003', platformAdmin: false, emailVerified: true };
const PAUL = { userId: '00000000-0000-4000-8000-000000000004', platformAdmin: false, emailVerified: true };

async function setup() {
  const world = inMemoryAccounts();
  const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
  for (const [actor, name] of [
    [MARIE, 'marie'],
    [PAUL, 'paul'],
  ] as const) {
    await world.users.create({
      id: actor.userId,
      email: parseEmail(`${name}@example.fr`),
      displayName: name,
      passwordHash: 'hashed:x',
      platformAdmin: false,
      emailVerifiedAt: world.clock.now(),
      createdAt: world.clock.now(),
    });
  }
  const marie = (await world.users.findById(MARIE.userId))!;
  const paul = (await world.users.findById(PAUL.userId))!;
  const [marieA, marieB, paulA] = [await sessions.start(marie), await sessions.start(marie), await sessions.start(paul)];
  const live = () => [...world.refreshTokens.rows.values()].filter((t) => t.revokedAt === null).map((t) => t.userId);
  return { ...world, logout: new Logout(world.refreshTokens, world.clock, world.revocations), marieA, marieB, paulA, live };
}

describe('Logout', () => {
  it('revokes the family of the given token only, and announces that session (the one its access tokens name)', async () => {
    const { logout, marieA, live, revocations, accessTokens } = await setup();
    await logout.execute({ actor: MARIE, refreshToken: marieA.refreshToken });
    expect(live().sort()).toEqual([MARIE.userId, PAUL.userId]);
    const [marieASession, marieBSession] = accessTokens.sessionIds;
    expect(marieASession).not.toBe(marieBSession);
    expect(revocations.published).toEqual([{ kind: 'session', userId: MARIE.userId, sessionId: marieASession }]);
  });

  it('revokes every session of the caller without a token, and announces all of them', async () => {
    const { logout, live, revocations } = await setup();
    await logout.execute({ actor: MARIE });
    expect(live()).toEqual([PAUL.userId]);
    expect(revocations.published).toEqual([{ kind: 'user', userId: MARIE.userId }]);
  });

  it("answers REFRESH_TOKEN_INVALID for someone else's token and revokes nothing", async () => {
    const { logout, paulA, live, revocations } = await setup();
    await expect(logout.execute({ actor: MARIE, refreshToken: paulA.refreshToken })).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_INVALID',
      field: 'refreshToken',
    });
    await expect(logout.execute({ actor: MARIE, refreshToken: 'not-a-token' })).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    expect(live()).toHaveLength(3);
    expect(revocations.published).toEqual([]);
  });
});

describe('GetCurrentUser', () => {
  it('returns the caller without the password hash, and UNAUTHENTICATED for a deleted account', async () => {
    const { users } = await setup();
    const me = new GetCurrentUser(users);
    const profile = await me.execute(MARIE);
    expect(profile).toMatchObject({ id: MARIE.userId, email: 'marie@example.fr' });
    expect(profile).not.toHaveProperty('passwordHash');
    users.rows.delete(MARIE.userId);
    await expect(me.execute(MARIE)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
  });
});
