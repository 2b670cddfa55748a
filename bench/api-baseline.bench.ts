/**
 * API benchmark: the built API next to a bare Apollo Server 5 in the same run, on a trivial query
 * (`ping`) and on a database-bound one (`claimableOffers` for the verified recipient of the demo
 * data, page of 20), so that what Nest, Fastify, our GraphQL layer, authentication, TypeORM and the
 * request log add around the same work is measured.
 *
 * Run (from the repository root, PostgreSQL and Redis up, provisioned): npm run bench:api
 * Options: --duration=S (seconds of measured load per round, default 10), --warmup=S (default 2),
 *   --connections=N (default 10), --rounds=N (load rounds per server, alternated, median kept;
 *   default 1), --rate=N (requests/s of the fixed-rate claimableOffers round; default half of the
 *   bare server's claimableOffers throughput), --redis-url=URL, BENCH_DATABASE_URL (as
 *   bench:matching: a server where the glane role may create `glane_bench_api` from the template
 *   glane_test_template; it is migrated, seeded with the demo data and dropped at the end).
 * Exit code 1 when a goal fails.
 *
 * Servers, each in its own child process:
 * - glane: the built API, NODE_ENV=production (no introspection, no GraphiQL) at the production
 *   log level, LOG_LEVEL=info: one JSON line per request, written to a file (its size is printed);
 * - bare: bench/support/bare-claimable-server.ts, a standalone Apollo Server answering `ping` and
 *   `claimableOffers` with Glane's own SQL (through a bare `pg` pool), mapping, ranking and
 *   reasons, without Nest, Fastify, authentication, TypeORM or logs.
 * Rounds: `ping` and `claimableOffers` at full speed (N connections, no pipelining), then
 * `claimableOffers` at a fixed request rate, the same for both, for their p99 at equal load.
 * Figures: time to ready (to the first 200 of /health/ready for glane, of ping for bare), RSS idle
 * and after load (VmRSS), req/s, p50/p99, server CPU per request (user + system, from /proc).
 * Goals: ready < 3 s; RSS idle < 200 MB; RSS after load ≤ 250 MB; throughput glane/bare ≥ 0.7 on
 * ping and ≥ 0.9 on claimableOffers; p99 glane/bare ≤ 1.5 at the fixed rate.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '#config';
import { buildDataSourceOptions } from '#persistence';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedDemo } from '../scripts/seed/seed-demo';
import { dropBenchDatabase, recreateBenchDatabase } from './support/bench-database';
import { optionValue, positiveOption, print, printError } from './support/cli';
import { startNode, stop, stopAll, type NodeChild } from './support/child-processes';
import { deleteKeysWithPrefix } from './support/redis-cleanup';
import { freePort, httpRequest, load, rssMb, sleep, timeToReady, type LoadFigures } from './support/measure';

const GOALS = { readyMs: 3000, rssIdleMb: 200, rssAfterLoadMb: 250, pingRatio: 0.7, claimableRatio: 0.9, p99Ratio: 1.5 } as const;
const PING = JSON.stringify({ query: '{ ping }' });
const PONG = JSON.stringify({ data: { ping: 'pong' } });
const CLAIMABLE_QUERY =
  'query ($org: ID!) { claimableOffers(organizationId: $org, first: 20) { edges { cursor node { score rank distanceKm absorbableKg reasons } } pageInfo { hasNextPage endCursor } } }';
const DEMO_RECIPIENT = { email: 'association.admin@glane.demo', password: 'Glane-Demo-2026' };
const BENCH_DATABASE = 'glane_bench_api';
const IDLE_SETTLE_MS = 2000;
// Generous: on a shared, loaded machine a start can take tens of seconds; the goal is judged on the figure.
const START_TIMEOUT_MS = 120_000;

interface Options {
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly rate: number | undefined;
  readonly redisUrl: string;
}

function parseOptions(argv: readonly string[]): Options {
  return {
    durationSeconds: positiveOption('duration', 10, argv),
    warmupSeconds: positiveOption('warmup', 2, argv),
    connections: positiveOption('connections', 10, argv),
    rounds: positiveOption('rounds', 1, argv),
    rate: optionValue('rate', argv) === undefined ? undefined : positiveOption('rate', 1, argv),
    redisUrl: optionValue('redis-url', argv) ?? 'redis://127.0.0.1:6379',
  };
}

type Workload = 'ping' | 'claimable' | 'claimableAtRate';

interface Server {
  readonly label: string;
  readonly child: NodeChild;
  readonly graphqlUrl: string;
  readonly readyMs: number;
  readonly rssIdleMb: number;
  readonly rounds: Record<Workload, LoadFigures[]>;
  readonly logFile?: string;
  rssAfterLoadMb: number;
}

const randomSecret = (): string => randomBytes(32).toString('hex');

/** Glane's queue prefix for this run: its Redis keys are deleted at the end, passed or failed (not after Ctrl-C). */
const QUEUE_PREFIX = `glane-bench-${randomBytes(4).toString('hex')}`;

/** A fresh database with the demo data, seeded through the application's use cases as `npm run seed` does. */
async function prepareDatabase(options: Options): Promise<string> {
  const databaseUrl = await recreateBenchDatabase(BENCH_DATABASE);
  const dataSource = new DataSource(buildDataSourceOptions({ databaseUrl, nodeEnv: 'production' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, REDIS_URL: options.redisUrl, QUEUE_PREFIX });
  const seeded = await seedDemo(config);
  if (seeded.outcome.status !== 'seeded') throw new Error(`the demo seed did not run: ${seeded.outcome.status}`);
  return databaseUrl;
}

async function recipientOrganizationId(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ organization_id: string }>(
      'SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
      [DEMO_RECIPIENT.email],
    );
    const id = rows[0]?.organization_id;
    if (id === undefined) throw new Error(`${DEMO_RECIPIENT.email} has no organisation in the demo data`);
    return id;
  } finally {
    await client.end();
  }
}

async function startGlane(databaseUrl: string, options: Options): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX,
    LOG_LEVEL: 'info',
    JWT_ACCESS_SECRET: randomSecret(),
    JWT_REFRESH_SECRET: randomSecret(),
    // One token serves the whole run.
    JWT_ACCESS_TTL_SECONDS: '3600',
    // Required in production; nothing is mailed during the bench (no SMTP server needs to listen).
    SMTP_URL: 'smtp://127.0.0.1:1025',
  };
  const logFile = join(tmpdir(), `glane-bench-api-${process.pid}.log`);
  const startedAt = performance.now();
  const child = startNode('glane api', resolve(__dirname, '../apps/api/src/main.js'), env, { logFile });
  const readyMs = await timeToReady(child, startedAt, async () => (await httpRequest(`${base}/health/ready`)).status === 200, START_TIMEOUT_MS);
  return settle('glane', child, `${base}/graphql`, readyMs, logFile);
}

async function startBare(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const startedAt = performance.now();
  const child = startNode('bare apollo', resolve(__dirname, 'support', 'bare-claimable-server.js'), {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
  });
  const readyMs = await timeToReady(child, startedAt, async () => (await httpRequest(url, { method: 'POST', body: PING })).status === 200, START_TIMEOUT_MS);
  return settle('bare apollo', child, url, readyMs);
}

async function settle(label: string, child: NodeChild, graphqlUrl: string, readyMs: number, logFile?: string): Promise<Server> {
  const answer = await httpRequest(graphqlUrl, { method: 'POST', body: PING });
  if (answer.status !== 200 || answer.body.trim() !== PONG) throw new Error(`${label}: ping answered ${answer.status} ${answer.body}`);
  await sleep(IDLE_SETTLE_MS);
  const rounds = { ping: [], claimable: [], claimableAtRate: [] };
  return { label, child, graphqlUrl, readyMs, rssIdleMb: rssMb(child.pid), rounds, rssAfterLoadMb: Number.NaN, ...(logFile ? { logFile } : {}) };
}

/** An access token of the demo recipient's admin, from Glane's own login. */
async function signIn(glane: Server): Promise<string> {
  const body = JSON.stringify({
    query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    variables: { input: DEMO_RECIPIENT },
  });
  const answer = await httpRequest(glane.graphqlUrl, { method: 'POST', body, timeoutMs: 10000 });
  const token = (JSON.parse(answer.body) as { data?: { login?: { accessToken?: string } } }).data?.login?.accessToken;
  if (token === undefined) throw new Error(`login of ${DEMO_RECIPIENT.email} failed: ${answer.body}`);
  return token;
}

interface Request {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Both servers must answer the claimable query with data, and with the same offers. */
async function checkClaimable(servers: readonly Server[], request: Request): Promise<number> {
  const counts = await Promise.all(
    servers.map(async (server) => {
      const answer = await postWith(server.graphqlUrl, request);
      const parsed = JSON.parse(answer) as { data?: { claimableOffers?: { edges: unknown[] } }; errors?: unknown };
      const edges = parsed.data?.claimableOffers?.edges;
      if (edges === undefined || parsed.errors !== undefined) throw new Error(`${server.label}: claimableOffers answered ${answer}`);
      return edges.length;
    }),
  );
  if (new Set(counts).size !== 1 || (counts[0] ?? 0) === 0) throw new Error(`claimableOffers pages differ or are empty: ${counts.join(' vs ')}`);
  return counts[0] ?? 0;
}

async function postWith(url: string, request: Request): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
  return response.text();
}

async function loadRound(server: Server, workload: Workload, request: Request, options: Options, rate?: number): Promise<LoadFigures> {
  const common = {
    pid: server.child.pid,
    url: server.graphqlUrl,
    body: request.body,
    headers: request.headers,
    connections: options.connections,
    ...(rate !== undefined ? { overallRate: rate } : {}),
  };
  await load({ ...common, durationSeconds: options.warmupSeconds });
  const figures = await load({ ...common, durationSeconds: options.durationSeconds });
  if (figures.failures > 0) throw new Error(`${server.label} (${workload}): ${figures.failures} failed requests out of ${figures.total}`);
  server.rounds[workload].push(figures);
  server.rssAfterLoadMb = rssMb(server.child.pid);
  return figures;
}

/** The round with the median throughput (its own p99 goes with it, so both come from one run). */
function medianRound(server: Server, workload: Workload): LoadFigures {
  const sorted = [...server.rounds[workload]].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error(`${server.label}: no ${workload} round`);
  return median;
}

function report(glane: Server, bare: Server, options: Options, rate: number, pageSize: number): boolean {
  const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const mb = (value: number): string => `${value.toFixed(1)} MB`;
  const latency = (value: number): string => `${value.toFixed(2)} ms`;
  const both = (format: (server: Server) => string): string[] => [format(glane), format(bare)];
  const figures = (workload: Workload, format: (figures: LoadFigures) => string): string[] => both((server) => format(medianRound(server, workload)));
  const ratio = (workload: Workload, pick: (figures: LoadFigures) => number): number => pick(medianRound(glane, workload)) / pick(medianRound(bare, workload));

  const pingRatio = ratio('ping', (f) => f.requestsPerSecond);
  const claimableRatio = ratio('claimable', (f) => f.requestsPerSecond);
  const p99Ratio = ratio('claimableAtRate', (f) => f.p99Ms);
  const checks = {
    ready: glane.readyMs < GOALS.readyMs,
    rssIdle: glane.rssIdleMb < GOALS.rssIdleMb,
    rssAfterLoad: glane.rssAfterLoadMb <= GOALS.rssAfterLoadMb,
    ping: pingRatio >= GOALS.pingRatio,
    claimable: claimableRatio >= GOALS.claimableRatio,
    p99: p99Ratio <= GOALS.p99Ratio,
  };
  const rows: string[][] = [
    ['', 'glane', 'bare apollo', 'goal', ''],
    ['time to ready', ...both((s) => ms(s.readyMs)), `< ${GOALS.readyMs} ms`, verdict(checks.ready)],
    ['RSS idle', ...both((s) => mb(s.rssIdleMb)), `< ${GOALS.rssIdleMb} MB`, verdict(checks.rssIdle)],
    ['RSS after load', ...both((s) => mb(s.rssAfterLoadMb)), `≤ ${GOALS.rssAfterLoadMb} MB`, verdict(checks.rssAfterLoad)],
    ['ping: requests/s', ...figures('ping', (f) => f.requestsPerSecond.toFixed(0)), '', ''],
    ['ping: latency p50 / p99', ...figures('ping', (f) => `${latency(f.p50Ms)} / ${latency(f.p99Ms)}`), '', ''],
    ['ping: server CPU per request', ...figures('ping', (f) => `${f.cpuMicrosPerRequest.toFixed(0)} µs`), '', ''],
    ['ping: throughput glane/bare', pingRatio.toFixed(3), '', `≥ ${GOALS.pingRatio}`, verdict(checks.ping)],
    ['claimableOffers: requests/s', ...figures('claimable', (f) => f.requestsPerSecond.toFixed(0)), '', ''],
    ['claimableOffers: latency p50 / p99', ...figures('claimable', (f) => `${latency(f.p50Ms)} / ${latency(f.p99Ms)}`), '', ''],
    ['claimableOffers: server CPU per request', ...figures('claimable', (f) => `${f.cpuMicrosPerRequest.toFixed(0)} µs`), '', ''],
    ['claimableOffers: throughput glane/bare', claimableRatio.toFixed(3), '', `≥ ${GOALS.claimableRatio}`, verdict(checks.claimable)],
    [`claimableOffers at ${rate} req/s: p50 / p99`, ...figures('claimableAtRate', (f) => `${latency(f.p50Ms)} / ${latency(f.p99Ms)}`), '', ''],
    [`claimableOffers at ${rate} req/s: p99 glane/bare`, p99Ratio.toFixed(3), '', `≤ ${GOALS.p99Ratio}`, verdict(checks.p99)],
  ];
  const widths = rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length))) ?? [];
  print('');
  print(
    `POST /graphql: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.rounds} round(s) per server and workload (median round shown); claimableOffers: the demo recipient, page of ${pageSize}.`,
  );
  for (const row of rows) print(row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('   '));
  if (glane.logFile !== undefined) {
    const requests = (['ping', 'claimable', 'claimableAtRate'] as const).reduce(
      (sum, workload) => sum + glane.rounds[workload].reduce((total, round) => total + round.total, 0),
      0,
    );
    print(`glane logged at info to ${glane.logFile}: ${(statSync(glane.logFile).size / 1e6).toFixed(1)} MB for ${requests} measured requests (and warm-ups).`);
  }
  if (options.rounds > 1) {
    for (const server of [glane, bare])
      for (const workload of ['ping', 'claimable'] as const)
        print(`${server.label} ${workload} req/s per round: ${server.rounds[workload].map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}`);
  }
  return Object.values(checks).every(Boolean);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const seedStart = performance.now();
  const databaseUrl = await prepareDatabase(options);
  const organizationId = await recipientOrganizationId(databaseUrl);
  print(`demo data seeded into ${BENCH_DATABASE} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; starting the servers...`);
  // One server at a time while starting, so that no start-up competes with another for the CPU.
  const glane = await startGlane(databaseUrl, options);
  const bare = await startBare(databaseUrl);
  const servers = [glane, bare];
  const token = await signIn(glane);
  const ping: Request = { body: PING, headers: {} };
  const claimable: Request = {
    body: JSON.stringify({ query: CLAIMABLE_QUERY, variables: { org: organizationId } }),
    headers: { authorization: `Bearer ${token}` },
  };
  const pageSize = await checkClaimable(servers, claimable);
  print(`ready: ${servers.map((server) => `${server.label} in ${server.readyMs.toFixed(0)} ms`).join(', ')}; loading...`);
  // Servers take turns round by round, so that a burst of outside load on the machine hits them all.
  for (let round = 0; round < options.rounds; round += 1) {
    for (const server of servers) await loadRound(server, 'ping', ping, options);
    for (const server of servers) await loadRound(server, 'claimable', claimable, options);
  }
  // The same rate for both, well under what either sustains, so that p99 compares latency, not queueing.
  const rate = options.rate ?? Math.max(1, Math.round(medianRound(bare, 'claimable').requestsPerSecond / 2));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const server of servers) await loadRound(server, 'claimableAtRate', claimable, options, rate);
  }
  const passed = report(glane, bare, options, rate, pageSize);
  await Promise.all(servers.map((server) => stop(server.child)));
  return passed ? 0 : 1;
}

async function cleanUp(): Promise<void> {
  await stopAll();
  try {
    await deleteKeysWithPrefix(parseOptions(process.argv.slice(2)).redisUrl, QUEUE_PREFIX);
  } catch (error) {
    printError(`could not delete the ${QUEUE_PREFIX}:* keys from Redis: ${error instanceof Error ? error.message : String(error)}`);
  }
  await dropBenchDatabase(BENCH_DATABASE).catch((error: unknown) => {
    printError(`could not drop ${BENCH_DATABASE}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    printError(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
