import { parseEmail } from '#domain';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { LoginUser } from './login-user.use-case';
import { SessionIssuer } from './session-issuer.service';

async function setup() {
  const world = inMemoryAccounts();
  const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
  const login = new LoginUser(world.users, world.hasher, world.limiter, sessions);
  await world.users.create({
    id: '00000000-0000-4000-8000-000000000001',
    email: parseEmail('marie@example.fr'),
    displayName: 'Marie',
    passwordHash: 'hashed:correct horse battery',
    platformAdmin: true,
    emailVerifiedAt: world.clock.now(),
    createdAt: world.clock.now(),
  });
  return { ...world, login };
}

describe('LoginUser', () => {
  it('signs in with the right password, whatever the email case, and carries the admin flag', async () => {
    const { login, accessTokens } = await setup();
    const session = await login.execute({ email: ' MARIE@example.fr', password: 'correct horse battery', ip: '192.0.2.1' });
    expect(session.user.email).toBe('marie@example.fr');
    expect(accessTokens.issued).toEqual([{ userId: '00000000-0000-4000-8000-000000000001', platformAdmin: true, emailVerified: true }]);
  });

  it('gives the same error, with no field, for a wrong password and for an unknown email, after the same work', async () => {
    const { login, hasher } = await setup();
    const wrong = await login.execute({ email: 'marie@example.fr', password: 'wrong password!', ip: undefined }).catch((e: unknown) => e);
    const unknown = await login.execute({ email: 'nobody@example.fr', password: 'wrong password!', ip: undefined }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', field: undefined, params: {} });
    expect(unknown).toEqual(wrong);
    // One real verification for the known email, one dummy verification for the unknown one.
    expect(hasher.verifications).toBe(1);
    expect(hasher.dummyVerifications).toBe(1);
  });

  it('counts attempts for unknown emails like the others, and stops at the limit even with the right password', async () => {
    const { login, limiter } = await setup();
    for (let i = 0; i < 5; i++)
      await expect(login.execute({ email: 'ghost@example.fr', password: 'x'.repeat(12), ip: undefined })).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    await expect(login.execute({ email: 'ghost@example.fr', password: 'x'.repeat(12), ip: undefined })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    for (let i = 0; i < 5; i++) await login.execute({ email: 'marie@example.fr', password: 'bad password ' + i, ip: undefined }).catch(() => undefined);
    await expect(login.execute({ email: 'marie@example.fr', password: 'correct horse battery', ip: undefined })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(limiter.counts.get('marie@example.fr')).toBe(6);
  });

  it('starts the count again after a success', async () => {
    const { login, limiter } = await setup();
    await login.execute({ email: 'marie@example.fr', password: 'bad password', ip: undefined }).catch(() => undefined);
    await login.execute({ email: 'marie@example.fr', password: 'correct horse battery', ip: undefined });
    expect(limiter.counts.has('marie@example.fr')).toBe(false);
  });

  it('refuses a malformed email before counting anything', async () => {
    const { login, limiter } = await setup();
    await expect(login.execute({ email: 'marie', password: 'whatever whatever', ip: undefined })).rejects.toMatchObject({
      code: 'INVALID_EMAIL',
      field: 'email',
    });
    expect(limiter.counts.size).toBe(0);
  });

  it('does not hash a password longer than any account can have', async () => {
    const { login, hasher } = await setup();
    await expect(login.execute({ email: 'marie@example.fr', password: 'y'.repeat(10_000), ip: undefined })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(hasher.verifications).toBe(0);
    expect(hasher.dummyVerifications).toBe(1);
  });

  it('upgrades a hash made with outdated parameters', async () => {
    const { login, users } = await setup();
    await users.updatePasswordHash('00000000-0000-4000-8000-000000000001', 'legacy:correct horse battery');
    await login.execute({ email: 'marie@example.fr', password: 'correct horse battery', ip: undefined });
    expect((await users.findById('00000000-0000-4000-8000-000000000001'))?.passwordHash).toBe('hashed:correct horse battery');
  });
});
