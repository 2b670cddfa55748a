import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';

const strongSecret = (seed: string): string => seed.repeat(40).slice(0, 40);

describe('loadConfig', () => {
  it('gives working local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://glane:glane@127.0.0.1:5432/glane');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.graphql.introspection).toBe(true);
    expect(config.mail).toEqual({ smtpUrl: 'smtp://127.0.0.1:1025', from: 'Glane <no-reply@glane.local>' });
    expect(config.broadcast).toEqual({ circleSize: 8, waitSeconds: 1800 });
  });

  it('reads the runs’ settings: 10 % of kilos over the claim tolerated (0 to 100 %), a re-plan a minute after the last claim change', () => {
    expect(loadConfig({}).runs).toEqual({ kgTolerancePercent: 10, replanDebounceSeconds: 60 });
    expect(loadConfig({ RUNS_REPLAN_DEBOUNCE_SECONDS: '2' }).runs.replanDebounceSeconds).toBe(2);
    expect(() => loadConfig({ RUNS_REPLAN_DEBOUNCE_SECONDS: '0' })).toThrow(/RUNS_REPLAN_DEBOUNCE_SECONDS/);
    expect(loadConfig({ STOP_KG_TOLERANCE_PERCENT: '0' }).runs.kgTolerancePercent).toBe(0);
    expect(() => loadConfig({ STOP_KG_TOLERANCE_PERCENT: '101' })).toThrow(/STOP_KG_TOLERANCE_PERCENT/);
    expect(() => loadConfig({ STOP_KG_TOLERANCE_PERCENT: '2.5' })).toThrow(/STOP_KG_TOLERANCE_PERCENT/);
  });

  it('reads the mail relay and the broadcast cascade settings', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: 'Glane <hello@glane.example>',
      BROADCAST_CIRCLE_SIZE: '3',
      BROADCAST_WAIT_SECONDS: '2',
    });
    expect(config.mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example:465', from: 'Glane <hello@glane.example>' });
    expect(config.broadcast).toEqual({ circleSize: 3, waitSeconds: 2 });
  });

  it('refuses a mail relay that is not an SMTP URL and an empty broadcast circle', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', BROADCAST_CIRCLE_SIZE: '0' })).toThrow(
      /SMTP_URL[\s\S]*BROADCAST_CIRCLE_SIZE|BROADCAST_CIRCLE_SIZE[\s\S]*SMTP_URL/,
    );
  });

  it('reads typed values from the environment', () => {
    const config = loadConfig({ PORT: '8080', QUEUE_PREFIX: 'run-42', GRAPHQL_MAX_BODY_BYTES: '2048', NODE_ENV: 'test' });
    expect(config.port).toBe(8080);
    expect(config.queuePrefix).toBe('run-42');
    expect(config.graphql.maxBodyBytes).toBe(2048);
    expect(config.logLevel).toBe('warn');
  });

  it('keeps access tokens at least a minute long, except under NODE_ENV=test where expiry itself is tested', () => {
    expect(loadConfig({ JWT_ACCESS_TTL_SECONDS: '60' }).jwt.accessTtlSeconds).toBe(60);
    expect(() => loadConfig({ JWT_ACCESS_TTL_SECONDS: '5' })).toThrow(/JWT_ACCESS_TTL_SECONDS: must not be less than 60/);
    expect(loadConfig({ NODE_ENV: 'test', JWT_ACCESS_TTL_SECONDS: '5' }).jwt.accessTtlSeconds).toBe(5);
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_ACCESS_TTL_SECONDS: '0' })).toThrow(/JWT_ACCESS_TTL_SECONDS/);
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_ACCESS_TTL_SECONDS: '3601' })).toThrow(/JWT_ACCESS_TTL_SECONDS/);
  });

  it('lists every offending variable in one error, without echoing values', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging', JWT_ACCESS_SECRET: 'short-secret' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'NODE_ENV', 'JWT_ACCESS_SECRET']) expect(problems).toContain(name);
    expect(problems).not.toContain('short-secret');
  });

  it('refuses production without explicit services and secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: is required in production[\s\S]*JWT_ACCESS_SECRET/);
  });

  it('requires the mail relay in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL: is required in production/);
  });

  it('accepts a complete production environment and turns introspection off', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://relay:587',
      DATABASE_URL: 'postgres://app:pw@db:5432/glane',
      REDIS_URL: 'redis://redis:6379',
      PUBLIC_URL: 'https://api.glane.example/',
      JWT_ACCESS_SECRET: strongSecret('a1'),
      JWT_REFRESH_SECRET: strongSecret('b2'),
    });
    expect(config.graphql.introspection).toBe(false);
    expect(config.publicUrl).toBe('https://api.glane.example');
  });

  it('refuses the same secret for access and refresh tokens in production', () => {
    const secret = strongSecret('c3');
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://app:pw@db:5432/glane',
        REDIS_URL: 'redis://redis:6379',
        PUBLIC_URL: 'https://api.glane.example',
        JWT_ACCESS_SECRET: secret,
        JWT_REFRESH_SECRET: secret,
      }),
    ).toThrow(/must differ/);
  });
});
