import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { AppConfig, LogLevel, NodeEnv } from './app-config';
import { ConfigValidationError } from './config-validation.error';
import { EnvironmentSchema } from './environment.schema';

// Local development works with no variable set; these secrets are refused in production.
const DEV_ACCESS_SECRET = 'dev-access-secret-change-me-0123456789abcdef';
const DEV_REFRESH_SECRET = 'dev-refresh-secret-change-me-0123456789abcdef';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the environment once. This is the only place in the code base that reads
 * process.env; everything else receives the typed AppConfig.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  // Empty strings count as unset, as they do for most tools that read .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvironmentSchema, present, { enableImplicitConversion: false });
  const problems = validateSync(parsed, { skipMissingProperties: false }).flatMap(describe);

  const nodeEnv = (parsed.NODE_ENV ?? 'development') as NodeEnv;
  if (nodeEnv === 'production') problems.push(...productionProblems(parsed));
  // A token that lives seconds makes every client refresh all the time: only tests may ask for one.
  if (nodeEnv !== 'test' && parsed.JWT_ACCESS_TTL_SECONDS !== undefined && parsed.JWT_ACCESS_TTL_SECONDS < 60) {
    problems.push('JWT_ACCESS_TTL_SECONDS: must not be less than 60 (shorter only under NODE_ENV=test)');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const port = parsed.PORT ?? 3000;
  return {
    nodeEnv,
    port,
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: parsed.DATABASE_URL ?? 'postgres://glane:glane@127.0.0.1:5432/glane',
    redisUrl: parsed.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: parsed.QUEUE_PREFIX ?? 'glane',
    logLevel: (parsed.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel,
    jwt: {
      accessSecret: parsed.JWT_ACCESS_SECRET ?? DEV_ACCESS_SECRET,
      refreshSecret: parsed.JWT_REFRESH_SECRET ?? DEV_REFRESH_SECRET,
      accessTtlSeconds: parsed.JWT_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlSeconds: parsed.JWT_REFRESH_TTL_SECONDS ?? 30 * 24 * 3600,
      maxSessionSeconds: (parsed.SESSION_MAX_DAYS ?? 90) * 24 * 3600,
    },
    emailVerificationTtlHours: parsed.EMAIL_VERIFICATION_TTL_HOURS ?? 48,
    trustProxyHops: parsed.TRUST_PROXY_HOPS ?? 0,
    rateLimits: {
      registrationsPerAddressPerHour: parsed.REGISTRATIONS_PER_ADDRESS_PER_HOUR ?? 20,
      offerMatchesPerUserPerMinute: parsed.OFFER_MATCHES_PER_USER_PER_MINUTE ?? 30,
      mapFeaturesPerUserPerMinute: parsed.MAP_FEATURES_PER_USER_PER_MINUTE ?? 120,
      calendarFeedRequestsPerAddressPerMinute: parsed.CALENDAR_FEED_REQUESTS_PER_ADDRESS_PER_MINUTE ?? 120,
    },
    graphql: {
      maxBodyBytes: parsed.GRAPHQL_MAX_BODY_BYTES ?? 1024 * 1024,
      introspection: nodeEnv !== 'production',
    },
    worker: {
      concurrency: parsed.WORKER_CONCURRENCY ?? 4,
      shutdownGraceMs: parsed.WORKER_SHUTDOWN_GRACE_MS ?? 25000,
    },
    mail: {
      // A local catcher (e.g. Mailpit) listens there in development; production must name its relay.
      smtpUrl: parsed.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      from: parsed.MAIL_FROM ?? 'Glane <no-reply@glane.local>',
    },
    broadcast: {
      circleSize: parsed.BROADCAST_CIRCLE_SIZE ?? 8,
      waitSeconds: parsed.BROADCAST_WAIT_SECONDS ?? 30 * 60,
    },
    runs: {
      kgTolerancePercent: parsed.STOP_KG_TOLERANCE_PERCENT ?? 10,
      replanDebounceSeconds: parsed.RUNS_REPLAN_DEBOUNCE_SECONDS ?? 60,
    },
  };
}

function productionProblems(env: EnvironmentSchema): string[] {
  const problems: string[] = [];
  const required: (keyof EnvironmentSchema)[] = ['DATABASE_URL', 'REDIS_URL', 'JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'PUBLIC_URL', 'SMTP_URL'];
  for (const name of required) {
    if (env[name] === undefined) problems.push(`${name}: is required in production`);
  }
  if (env.JWT_ACCESS_SECRET === DEV_ACCESS_SECRET) problems.push('JWT_ACCESS_SECRET: the development default cannot be used in production');
  if (env.JWT_REFRESH_SECRET === DEV_REFRESH_SECRET) problems.push('JWT_REFRESH_SECRET: the development default cannot be used in production');
  if (env.JWT_ACCESS_SECRET !== undefined && env.JWT_ACCESS_SECRET === env.JWT_REFRESH_SECRET) {
    problems.push('JWT_REFRESH_SECRET: must differ from JWT_ACCESS_SECRET');
  }
  return problems;
}

function describe(error: ValidationError): string[] {
  // The value is deliberately not echoed: it may be a secret.
  return Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message.replace(`${error.property} `, '')}`);
}

/** sysexits' EX_CONFIG: what a process exits with when its configuration is invalid. */
export const EXIT_BAD_CONFIG = 78;

/** For process entry points: the config, or the list of problems on stderr and exit code 78. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(EXIT_BAD_CONFIG);
  }
}
