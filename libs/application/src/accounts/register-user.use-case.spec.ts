import { inMemoryAccounts } from './in-memory-accounts.fake';
import { RegisterUser } from './register-user.use-case';
import { RegistrationRateLimiter } from './registration-rate-limiter.port';
import { DomainError } from '#domain';
import { SessionIssuer } from './session-issuer.service';
import { hashOpaqueToken } from './opaque-token';

function setup() {
  const world = inMemoryAccounts();
  const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
  const register = new RegisterUser(world.users, world.hasher, sessions, world.clock, world.unitOfWork, world.outbox);
  return { ...world, register };
}

const valid = { email: ' Marie.Dupont@Example.FR ', password: 'correct horse battery', displayName: ' Marie Dupont ' };

describe('RegisterUser', () => {
  it('creates the account unverified (normalised email, hashed password), queues its verification e-mail and starts a session', async () => {
    const { register, users, refreshTokens, outbox, accessTokens, unitOfWork } = setup();
    const session = await register.execute(valid);

    const [account] = [...users.rows.values()];
    expect(account).toMatchObject({
      email: 'marie.dupont@example.fr',
      displayName: 'Marie Dupont',
      passwordHash: 'hashed:correct horse battery',
      platformAdmin: false,
      emailVerifiedAt: null,
    });
    expect(session.user).toEqual({
      id: account.id,
      email: account.email,
      displayName: 'Marie Dupont',
      platformAdmin: false,
      emailVerifiedAt: null,
      createdAt: account.createdAt,
    });
    expect(session.user).not.toHaveProperty('passwordHash');
    // The access token says the address is not verified: the API lets it do nothing but verify and sign out.
    expect(accessTokens.issued).toEqual([{ userId: account.id, platformAdmin: false, emailVerified: false }]);
    expect(outbox.jobs).toEqual([{ name: 'accounts.verification-email', payload: { userId: account.id } }]);
    expect(unitOfWork.runs).toBe(1);

    const [stored] = [...refreshTokens.rows.values()];
    expect(stored).toMatchObject({ userId: account.id, tokenHash: hashOpaqueToken(session.refreshToken), usedAt: null });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(3600_000);
  });

  it('says EMAIL_ALREADY_REGISTERED for a taken address, whatever its case', async () => {
    const { register, users } = setup();
    await register.execute(valid);
    await expect(register.execute({ ...valid, email: 'MARIE.DUPONT@example.fr' })).rejects.toMatchObject({ code: 'EMAIL_ALREADY_REGISTERED', field: 'email' });
    expect(users.rows.size).toBe(1);
  });

  it.each([
    [{ email: 'nope' }, 'INVALID_EMAIL', 'email'],
    [{ password: 'elevenchars' }, 'PASSWORD_TOO_SHORT', 'password'],
    [{ password: 'p'.repeat(129) }, 'PASSWORD_TOO_LONG', 'password'],
    [{ displayName: '' }, 'INVALID_DISPLAY_NAME', 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'INVALID_DISPLAY_NAME', 'displayName'],
  ])('refuses %p with %s on %s and writes nothing', async (override, code, field) => {
    const { register, users, refreshTokens, outbox } = setup();
    await expect(register.execute({ ...valid, ...override })).rejects.toMatchObject({ code, field });
    expect(users.rows.size).toBe(0);
    expect(refreshTokens.rows.size).toBe(0);
    expect(outbox.jobs).toEqual([]);
  });

  it('keeps no account when its verification e-mail cannot be queued (one unit of work)', async () => {
    const { register, users, outbox } = setup();
    outbox.failWith = new Error('database went away');
    await expect(register.execute(valid)).rejects.toThrow('database went away');
    expect(users.rows.size).toBe(0);
  });

  it('counts the attempt against the address first, and writes nothing when the address is over its limit', async () => {
    const world = inMemoryAccounts();
    const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
    const seen: (string | undefined)[] = [];
    class RefusingLimiter extends RegistrationRateLimiter {
      async consume(ip: string | undefined): Promise<void> {
        seen.push(ip);
        throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: 60 });
      }
    }
    const register = new RegisterUser(world.users, world.hasher, sessions, world.clock, world.unitOfWork, world.outbox, new RefusingLimiter());
    await expect(register.execute({ ...valid, ip: '203.0.113.7' })).rejects.toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: 60 } });
    expect(seen).toEqual(['203.0.113.7']);
    expect(world.users.rows.size).toBe(0);
    expect(world.refreshTokens.rows.size).toBe(0);
    expect(world.outbox.jobs).toEqual([]);
  });
});
