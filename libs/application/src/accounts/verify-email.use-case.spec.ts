import { parseEmail } from '#domain';
import { InvitationAcceptor } from './invitation-acceptor.port';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { hashOpaqueToken } from './opaque-token';
import { SessionIssuer } from './session-issuer.service';
import type { UserProfile } from './user-account';
import { VerifyEmail } from './verify-email.use-case';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const HOUR = 3_600_000;

class RecordingInvitations extends InvitationAcceptor {
  accepted: Pick<UserProfile, 'id' | 'email' | 'emailVerifiedAt'>[] = [];
  failWith: Error | undefined;
  async acceptPendingInvitations(user: Pick<UserProfile, 'id' | 'email' | 'emailVerifiedAt'>): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.accepted.push(user);
  }
}

async function setup() {
  const world = inMemoryAccounts();
  await world.users.create({
    id: USER_ID,
    email: parseEmail('marie@example.fr'),
    displayName: 'Marie',
    passwordHash: 'hashed:x',
    platformAdmin: false,
    emailVerifiedAt: null,
    createdAt: world.clock.now(),
  });
  const invitations = new RecordingInvitations();
  const sessions = new SessionIssuer(world.accessTokens, world.refreshTokens, world.settings, world.clock);
  const verify = new VerifyEmail(world.verificationTokens, world.users, sessions, world.clock, world.unitOfWork, invitations);
  const issue = async (token: string, expiresInMs = 48 * HOUR) =>
    world.verificationTokens.create({
      id: `${token}-id`,
      userId: USER_ID,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(world.clock.now().getTime() + expiresInMs),
      createdAt: world.clock.now(),
    });
  return { ...world, invitations, verify, issue };
}

describe('VerifyEmail', () => {
  it('marks the address verified, accepts its invitations as a verified account and signs in with a token that says so', async () => {
    const { verify, issue, users, invitations, accessTokens, clock } = await setup();
    await issue('first-link');
    const session = await verify.execute('first-link');
    expect((await users.findById(USER_ID))?.emailVerifiedAt).toEqual(clock.now());
    expect(session.user).toMatchObject({ id: USER_ID, emailVerifiedAt: clock.now() });
    expect(invitations.accepted).toEqual([{ ...session.user }]);
    expect(accessTokens.issued).toEqual([{ userId: USER_ID, platformAdmin: false, emailVerified: true }]);
  });

  it('works once, and retires the account’s other links', async () => {
    const { verify, issue } = await setup();
    await issue('first-link');
    await issue('second-link');
    await verify.execute('second-link');
    await expect(verify.execute('second-link')).rejects.toMatchObject({ code: 'EMAIL_VERIFICATION_TOKEN_USED', field: 'token' });
    await expect(verify.execute('first-link')).rejects.toMatchObject({ code: 'EMAIL_VERIFICATION_TOKEN_USED', field: 'token' });
  });

  it.each([
    ['an expired link', 'old-link', -1, 'EMAIL_VERIFICATION_TOKEN_EXPIRED'],
    ['a forged token', 'forged', undefined, 'EMAIL_VERIFICATION_TOKEN_INVALID'],
    ['an empty token', '', undefined, 'EMAIL_VERIFICATION_TOKEN_INVALID'],
    ['an oversized token', 'x'.repeat(300), undefined, 'EMAIL_VERIFICATION_TOKEN_INVALID'],
  ])('refuses %s with its code on token, writing nothing', async (_label, token, expiresInMs, code) => {
    const { verify, issue, users, invitations, refreshTokens } = await setup();
    if (expiresInMs !== undefined) await issue(token, expiresInMs);
    await expect(verify.execute(token)).rejects.toMatchObject({ code, field: 'token' });
    expect((await users.findById(USER_ID))?.emailVerifiedAt).toBeNull();
    expect(invitations.accepted).toEqual([]);
    expect(refreshTokens.rows.size).toBe(0);
  });

  it('leaves the link usable and the address unverified when accepting the invitations fails (one unit of work)', async () => {
    const { verify, issue, users, invitations, verificationTokens } = await setup();
    await issue('first-link');
    invitations.failWith = new Error('database went away');
    await expect(verify.execute('first-link')).rejects.toThrow('database went away');
    expect((await users.findById(USER_ID))?.emailVerifiedAt).toBeNull();
    expect((await verificationTokens.findByHash(hashOpaqueToken('first-link')))?.usedAt).toBeNull();
    invitations.failWith = undefined;
    await expect(verify.execute('first-link')).resolves.toMatchObject({ user: { id: USER_ID } });
  });
});
