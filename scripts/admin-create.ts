import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AcceptPendingInvitations, ClockModule, CreatePlatformAdmin, InvitationAcceptor, type CreatePlatformAdminResult } from '#application';
import { ConfigModule, loadConfigOrExit, type AppConfig } from '#config';
import { isDomainError, renderDomainErrorMessage } from '#domain';
import { AccountsPersistenceModule, DatabaseConnector, OrganizationsPersistenceModule, PersistenceModule } from '#persistence';

/**
 * npm run admin:create -- --email a@b.fr --password '…' [--name 'X']
 *
 * Creates a platform administrator, or promotes an existing account. The only way to get one:
 * no API operation grants the flag, so the first administrator cannot be self-appointed.
 */

const USAGE = `Usage: npm run admin:create -- --email <email> (--password <password> | --password-stdin) [--name <display name>]

Creates the account as a platform administrator, or promotes the existing account with this email
(its password and name are then left unchanged). The password must be 12 to 128 characters.
--password-stdin reads the password from the first line of standard input, keeping it out of
shell history and process listings.`;

// sysexits.h codes, so scripts calling this can tell a typo from an outage.
const EX_OK = 0;
const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_UNAVAILABLE = 69;

const CONNECT_TIMEOUT_MS = 10000;

export interface AdminCreateIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The whole of standard input, for --password-stdin. */
  readonly readStdin: () => Promise<string>;
  /** How long to wait for PostgreSQL before giving up (10 s). */
  readonly connectTimeoutMs?: number;
}

interface Options {
  readonly email: string;
  readonly password?: string;
  readonly passwordFromStdin: boolean;
  readonly name?: string;
}

type Parsed = { readonly kind: 'options'; readonly options: Options } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

export function parseArguments(argv: readonly string[]): Parsed {
  const values: Record<string, string> = {};
  let passwordFromStdin = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    if (argument === '--password-stdin') {
      passwordFromStdin = true;
      continue;
    }
    const match = /^--(email|password|name)(?:=(.*))?$/s.exec(argument);
    if (!match) return { kind: 'error', message: `unknown argument "${argument}"` };
    const key = match[1];
    const value = match[2] ?? argv[++i];
    if (value === undefined) return { kind: 'error', message: `--${key} needs a value` };
    if (key in values) return { kind: 'error', message: `--${key} is given twice` };
    values[key] = value;
  }
  if (values.email === undefined) return { kind: 'error', message: '--email is required' };
  if (passwordFromStdin && values.password !== undefined) return { kind: 'error', message: 'give either --password or --password-stdin, not both' };
  return { kind: 'options', options: { email: values.email, password: values.password, passwordFromStdin, name: values.name } };
}

@Module({})
class AdminCreateModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminCreateModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, AccountsPersistenceModule, OrganizationsPersistenceModule, ClockModule],
      providers: [
        CreatePlatformAdmin,
        // An administrator someone had invited into an organisation becomes its member, as at registration.
        AcceptPendingInvitations,
        { provide: InvitationAcceptor, useExisting: AcceptPendingInvitations },
      ],
    };
  }
}

/** The whole command, with its exit code; main() only supplies the real process. */
export async function runAdminCreate(argv: readonly string[], config: AppConfig, io: AdminCreateIo): Promise<number> {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout(USAGE);
      return EX_OK;
    case 'error':
      io.stderr(`admin:create: ${parsed.message}\n\n${USAGE}`);
      return EX_USAGE;
    case 'options':
      break;
  }
  const { options } = parsed;
  const password = options.passwordFromStdin ? (await io.readStdin()).split(/\r?\n/)[0] : options.password;

  const app = await NestFactory.createApplicationContext(AdminCreateModule.forRoot(config), { logger: false, abortOnError: false });
  try {
    await app.init();
    const timeoutMs = io.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    const connected = await Promise.race([
      app
        .get(DatabaseConnector)
        .whenConnected()
        .then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    if (!connected) {
      io.stderr(
        `admin:create: cannot reach PostgreSQL at ${redactedUrl(config.databaseUrl)} within ${timeoutMs / 1000} s. Is it running (scripts/provision.sh)?`,
      );
      return EX_UNAVAILABLE;
    }
    const result = await app.get(CreatePlatformAdmin).execute({ email: options.email, password, displayName: options.name });
    io.stdout(describe(result, options));
    return EX_OK;
  } catch (error) {
    if (isDomainError(error) && error.code === 'PASSWORD_TOO_SHORT' && password === undefined) {
      io.stderr('admin:create: no account has this email yet: give --password (or --password-stdin) to create one.');
      return EX_USAGE;
    }
    if (isDomainError(error)) {
      io.stderr(`admin:create: refused: ${renderDomainErrorMessage(error, 'en')}${error.field ? ` (${fieldOption(error.field)})` : ''}`);
      return EX_DATAERR;
    }
    if (isMissingTable(error)) {
      io.stderr('admin:create: the database has no users table yet: run the migrations first (npm run migration:run).');
      return EX_UNAVAILABLE;
    }
    throw error;
  } finally {
    await app.close();
  }
}

function describe(result: CreatePlatformAdminResult, options: Options): string {
  const who = `${result.user.email} (id ${result.user.id})`;
  switch (result.outcome) {
    case 'created':
      return `Created platform administrator ${who}, named "${result.user.displayName}". They can sign in now.`;
    case 'promoted':
      return (
        `Promoted the existing account ${who} to platform administrator; its password and name are unchanged` +
        `${options.password !== undefined || options.passwordFromStdin || options.name !== undefined ? ' (the given ones were ignored)' : ''}. ` +
        'The right applies from their next sign-in or token refresh.'
      );
    case 'already-admin':
      return `${who} is already a platform administrator; nothing changed.`;
  }
}

function fieldOption(field: string): string {
  return field === 'displayName' ? '--name' : `--${field}`;
}

function isMissingTable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01';
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const code = await runAdminCreate(process.argv.slice(2), config, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readStdin: () => readAll(process.stdin),
  });
  process.exit(code);
}

if (require.main === module) void main();
