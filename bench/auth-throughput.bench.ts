/**
 * Sign-in benchmark: throughput of `login` and of `me` next to the trivial
 * `ping` query of the foundation bench, on the same built API, in the same run.
 *
 * Run (from the repository root, PostgreSQL and Redis up, migrations applied): npm run bench:auth
 * Options: --duration=S (default 10), --warmup=S (default 2), --connections=N (default 10),
 *   --users=N (accounts signed in round-robin, default 50), --database-url=URL, --redis-url=URL.
 *
 * Why login is far slower: each one verifies an argon2id hash (m=19 MiB, t=2, p=1, OWASP's
 * setting), deliberately tens of milliseconds of CPU and memory-hard, then writes a refresh token
 * and touches the Redis rate limiter. `me` only verifies an HS256 JWT and reads one user row. The
 * table prints each operation's ratio to ping, and the server CPU per request that explains it.
 * Successful sign-ins give their rate-limit points back, so the load is never throttled; any
 * GraphQL error during the load invalidates the run. Bench accounts are deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { optionValue, positiveOption, print, printError } from './support/cli';
import { startNode, stop, stopAll, type NodeChild } from './support/child-processes';
import { cpuSeconds, freePort, httpRequest, sleep, timeToReady } from './support/measure';
import { deleteKeysWithPrefix } from './support/redis-cleanup';

const PASSWORD = 'bench-password-long-enough-42';
const EMAIL_DOMAIN = 'bench.glane.invalid';
const QUEUE_PREFIX = `glane-bench-auth-${randomBytes(4).toString('hex')}`;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';

interface Options {
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly users: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

function parseOptions(argv: readonly string[]): Options {
  return {
    durationSeconds: positiveOption('duration', 10, argv),
    warmupSeconds: positiveOption('warmup', 2, argv),
    connections: positiveOption('connections', 10, argv),
    users: positiveOption('users', 50, argv),
    databaseUrl: optionValue('database-url', argv) ?? 'postgres://glane:glane@127.0.0.1:5432/glane',
    redisUrl: optionValue('redis-url', argv) ?? 'redis://127.0.0.1:6379',
  };
}

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMicrosPerRequest: number;
}

/** A load of POST /graphql whose bodies come from `body(i)`; fails the run on any HTTP or GraphQL error. */
async function load(pid: number, url: string, durationSeconds: number, connections: number, body: (i: number) => string, token?: string): Promise<Figures> {
  let sent = 0;
  let graphqlErrors = 0;
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        setupRequest: (request) => ({ ...request, body: body(sent++) }),
        onResponse: (_status, responseBody) => {
          if (responseBody.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  const failures = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  if (failures > 0) throw new Error(`${failures} failed requests out of ${result.requests.total} (GraphQL errors: ${graphqlErrors})`);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1e6) / result.requests.total,
  };
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`GraphQL error: ${JSON.stringify(json.errors)}`);
  return json.data;
}

async function startApi(options: Options): Promise<{ child: NodeChild; url: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startNode('glane api', resolve(__dirname, '../apps/api/src/main.js'), {
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX,
    LOG_LEVEL: 'silent',
    JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1025',
    // The bench registers its accounts from one address.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
  });
  await timeToReady(child, performance.now(), async () => (await httpRequest(`${base}/health/ready`)).status === 200);
  return { child, url: `${base}/graphql` };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const { child, url } = await startApi(options);
  const run = randomBytes(3).toString('hex');
  const emails = Array.from({ length: options.users }, (_, i) => `user${i}.${run}@${EMAIL_DOMAIN}`);
  let token = '';
  for (const email of emails) {
    const data = await graphql(url, 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email, password: PASSWORD, displayName: 'Bench User' },
    });
    token = (data.register as { accessToken: string }).accessToken;
  }
  const loginBody = (i: number): string => JSON.stringify({ query: LOGIN, variables: { input: { email: emails[i % emails.length], password: PASSWORD } } });
  const operations: [string, (i: number) => string, string | undefined][] = [
    ['ping (baseline)', () => JSON.stringify({ query: '{ ping }' }), undefined],
    ['me', () => JSON.stringify({ query: '{ me { id email } }' }), token],
    ['login', loginBody, undefined],
  ];
  const results: [string, Figures][] = [];
  for (const [label, body, bearer] of operations) {
    await load(child.pid, url, options.warmupSeconds, options.connections, body, bearer);
    results.push([label, await load(child.pid, url, options.durationSeconds, options.connections, body, bearer)]);
    await sleep(500);
  }
  const baseline = results[0]?.[1];
  if (!baseline) throw new Error('no baseline');
  print(
    `\nPOST /graphql, ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured each, ${options.users} accounts.`,
  );
  print(['operation'.padEnd(16), 'req/s'.padStart(8), 'p50'.padStart(9), 'p99'.padStart(9), 'CPU/req'.padStart(10), 'ratio to ping'.padStart(14)].join(' '));
  for (const [label, figures] of results) {
    print(
      [
        label.padEnd(16),
        figures.requestsPerSecond.toFixed(0).padStart(8),
        `${figures.p50Ms.toFixed(1)} ms`.padStart(9),
        `${figures.p99Ms.toFixed(1)} ms`.padStart(9),
        `${figures.cpuMicrosPerRequest.toFixed(0)} µs`.padStart(10),
        (figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(3).padStart(14),
      ].join(' '),
    );
  }
  print('login is bounded by argon2id (memory-hard, ~tens of ms of CPU each, by design); me by one JWT check and one row read.');
  await stop(child);
  return 0;
}

async function cleanUp(): Promise<void> {
  await stopAll();
  const options = parseOptions(process.argv.slice(2));
  const client = new Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    await client.query('DELETE FROM users WHERE email LIKE $1', [`%@${EMAIL_DOMAIN}`]);
  } finally {
    await client.end();
  }
  await deleteKeysWithPrefix(options.redisUrl, QUEUE_PREFIX);
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    printError(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
