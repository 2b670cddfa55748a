import { DomainError, parseEmail } from '#domain';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { ResendVerificationEmail } from './resend-verification-email.use-case';
import { VerificationEmailRateLimiter, type VerificationEmailRequest } from './verification-email-rate-limiter.port';

class CountingRequests extends VerificationEmailRateLimiter {
  readonly seen: VerificationEmailRequest[] = [];
  constructor(private readonly limit = 3) {
    super();
  }
  async consume(request: VerificationEmailRequest): Promise<void> {
    this.seen.push(request);
    if (this.seen.filter((r) => r.email === request.email).length > this.limit) throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: 3600 });
  }
}

async function setup() {
  const world = inMemoryAccounts();
  const account = (id: string, email: string, verified: boolean) =>
    world.users.create({
      id,
      email: parseEmail(email),
      displayName: 'Marie',
      passwordHash: 'hashed:x',
      platformAdmin: false,
      emailVerifiedAt: verified ? world.clock.now() : null,
      createdAt: world.clock.now(),
    });
  await account('00000000-0000-4000-8000-000000000001', 'waiting@example.fr', false);
  await account('00000000-0000-4000-8000-000000000002', 'done@example.fr', true);
  const limiter = new CountingRequests();
  const resend = new ResendVerificationEmail(world.users, limiter, world.outbox, world.unitOfWork);
  return { ...world, limiter, resend };
}

describe('ResendVerificationEmail', () => {
  it('queues an e-mail for an unverified account only, and answers the same for every address', async () => {
    const { resend, outbox, limiter } = await setup();
    await expect(resend.execute({ email: ' Waiting@Example.fr ', ip: '203.0.113.7' })).resolves.toBeUndefined();
    await expect(resend.execute({ email: 'done@example.fr', ip: '203.0.113.7' })).resolves.toBeUndefined();
    await expect(resend.execute({ email: 'nobody@example.fr', ip: '203.0.113.7' })).resolves.toBeUndefined();
    expect(outbox.jobs).toEqual([{ name: 'accounts.verification-email', payload: { userId: '00000000-0000-4000-8000-000000000001' } }]);
    // Every request counts, whether or not the address has an account.
    expect(limiter.seen.map((r) => r.email)).toEqual(['waiting@example.fr', 'done@example.fr', 'nobody@example.fr']);
  });

  it('refuses a flood with RATE_LIMITED and queues nothing more', async () => {
    const { resend, outbox } = await setup();
    for (let i = 0; i < 3; i++) await resend.execute({ email: 'waiting@example.fr', ip: undefined });
    await expect(resend.execute({ email: 'waiting@example.fr', ip: undefined })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      params: { retryAfterSeconds: 3600 },
    });
    expect(outbox.jobs).toHaveLength(3);
  });

  it('says INVALID_EMAIL for a malformed address, before counting it', async () => {
    const { resend, outbox, limiter } = await setup();
    await expect(resend.execute({ email: 'nope', ip: undefined })).rejects.toMatchObject({ code: 'INVALID_EMAIL', field: 'email' });
    expect(limiter.seen).toEqual([]);
    expect(outbox.jobs).toEqual([]);
  });
});
