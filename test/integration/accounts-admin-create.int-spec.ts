import { parseEmail } from '#domain';
import { Argon2PasswordHasher, TypeOrmUserRepository } from '#persistence';
import { parseArguments, runAdminCreate } from '../../scripts/admin-create';
import { provideTestServices, type TestServices } from '../support/test-stack';

// jest.config.js sets testTimeout per project, which Jest ignores there (it is a global option): set it here.
jest.setTimeout(30000);

describe('npm run admin:create', () => {
  let services: TestServices;
  let users: TypeOrmUserRepository;

  beforeAll(async () => {
    services = await provideTestServices();
    users = new TypeOrmUserRepository(services.dataSource);
  });

  afterAll(async () => {
    await services?.release();
  });

  async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCreate(argv, services.config, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => stdin });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates a platform administrator who can then sign in with that password', async () => {
    const result = await run(['--email', 'Admin@Glane.fr', '--password', 'a long admin password', '--name', 'Équipe Glane']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Created platform administrator admin@glane\.fr \(id [0-9a-f-]{36}\), named "Équipe Glane"\./);
    const admin = await users.findByEmail(parseEmail('admin@glane.fr'));
    expect(admin).toMatchObject({ platformAdmin: true, displayName: 'Équipe Glane' });
    expect(await new Argon2PasswordHasher().verify(admin!.passwordHash, 'a long admin password')).toBe(true);
  });

  it('reads the password from standard input with --password-stdin', async () => {
    const result = await run(['--email=stdin@glane.fr', '--password-stdin'], 'from stdin, long enough\nignored second line');
    expect(result.code).toBe(0);
    const admin = await users.findByEmail(parseEmail('stdin@glane.fr'));
    expect(await new Argon2PasswordHasher().verify(admin!.passwordHash, 'from stdin, long enough')).toBe(true);
    expect(admin!.displayName).toBe('stdin');
  });

  it('promotes an existing account without touching its password, then says there is nothing to do', async () => {
    const hash = await new Argon2PasswordHasher().hash('her own password');
    await users.create({
      id: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      email: parseEmail('marie@example.fr'),
      displayName: 'Marie',
      passwordHash: hash,
      platformAdmin: false,
      emailVerifiedAt: new Date(),
      createdAt: new Date(),
    });
    const promoted = await run(['--email', 'marie@example.fr', '--password', 'something else entirely']);
    expect(promoted.code).toBe(0);
    expect(promoted.out).toContain('Promoted the existing account marie@example.fr');
    expect(promoted.out).toContain('(the given ones were ignored)');
    expect(await users.findByEmail(parseEmail('marie@example.fr'))).toMatchObject({ platformAdmin: true, passwordHash: hash });
    const again = await run(['--email', 'marie@example.fr']);
    expect(again).toMatchObject({
      code: 0,
      out: 'marie@example.fr (id 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d) is already a platform administrator; nothing changed.',
    });
  });

  it.each([
    [['--email', 'not-an-email', '--password', 'a long admin password'], 65, 'refused: This email address is not valid. (--email)'],
    [['--email', 'short@glane.fr', '--password', 'short'], 65, 'refused: The password must be at least 12 characters long. (--password)'],
    [['--email', 'noname@glane.fr', '--password', 'a long admin password', '--name', ''], 65, '(--name)'],
    [['--email', 'nopass@glane.fr'], 64, 'give --password (or --password-stdin) to create one'],
    [['--password', 'a long admin password'], 64, '--email is required'],
    [['--email', 'a@glane.fr', '--admin'], 64, 'unknown argument "--admin"'],
    [['--email', 'a@glane.fr', '--password', 'x'.repeat(12), '--password-stdin'], 64, 'not both'],
  ])('refuses %p with exit code %i and a clear message, creating nobody', async (argv, code, message) => {
    const before = await services.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM users');
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(await services.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('says so when PostgreSQL cannot be reached', async () => {
    const unreachable = { ...services.config, databaseUrl: 'postgres://glane:secret@127.0.0.1:1/glane' };
    const err: string[] = [];
    const code = await runAdminCreate(['--email', 'a@glane.fr', '--password', 'a long admin password'], unreachable, {
      stdout: () => undefined,
      stderr: (l) => err.push(l),
      readStdin: async () => '',
      connectTimeoutMs: 1500,
    });
    expect(code).toBe(69);
    expect(err.join('')).toMatch(/cannot reach PostgreSQL at postgres:\/\/glane:\*\*\*@127\.0\.0\.1:1\/glane within 1\.5 s/);
  });

  it('prints its usage with --help', () => {
    expect(parseArguments(['--help'])).toEqual({ kind: 'help' });
  });
});
