import { parseEmail } from '#domain';
import { CreatePlatformAdmin } from './create-platform-admin.use-case';
import { inMemoryAccounts } from './in-memory-accounts.fake';

function setup() {
  const world = inMemoryAccounts();
  return { ...world, create: new CreatePlatformAdmin(world.users, world.hasher, world.clock, world.unitOfWork) };
}

describe('CreatePlatformAdmin', () => {
  it('creates a platform admin, named after the email by default', async () => {
    const { create, users } = setup();
    const result = await create.execute({ email: 'Admin@Glane.fr', password: 'a long admin password' });
    expect(result.outcome).toBe('created');
    expect(result.user).toMatchObject({ email: 'admin@glane.fr', displayName: 'admin', platformAdmin: true });
    expect(await users.findByEmail(parseEmail('admin@glane.fr'))).toMatchObject({ passwordHash: 'hashed:a long admin password', platformAdmin: true });
  });

  it('promotes an existing account and leaves its password alone; says when there is nothing to do', async () => {
    const { create, users } = setup();
    await users.create({
      id: '00000000-0000-4000-8000-000000000005',
      email: parseEmail('marie@example.fr'),
      displayName: 'Marie',
      passwordHash: 'hashed:hers',
      platformAdmin: false,
      emailVerifiedAt: new Date(),
      createdAt: new Date(),
    });
    expect((await create.execute({ email: 'marie@example.fr', password: 'ignored ignored' })).outcome).toBe('promoted');
    expect(await users.findByEmail(parseEmail('marie@example.fr'))).toMatchObject({ platformAdmin: true, passwordHash: 'hashed:hers' });
    expect((await create.execute({ email: 'marie@example.fr' })).outcome).toBe('already-admin');
  });

  it.each([
    [{ email: 'not an email', password: 'a long admin password' }, 'INVALID_EMAIL'],
    [{ email: 'new@example.fr' }, 'PASSWORD_TOO_SHORT'],
    [{ email: 'new@example.fr', password: 'short' }, 'PASSWORD_TOO_SHORT'],
    [{ email: 'new@example.fr', password: 'a long admin password', displayName: ' ' }, 'INVALID_DISPLAY_NAME'],
  ])('refuses %p with %s and creates nobody', async (command, code) => {
    const { create, users } = setup();
    await expect(create.execute(command)).rejects.toMatchObject({ code });
    expect(users.rows.size).toBe(0);
  });
});
