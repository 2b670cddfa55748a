/**
 * Foundation benchmark: the built API next to a bare Apollo Server 5 answering
 * the same trivial query, in the same run; and, for information, the same bare server behind
 * Express 5 (the HTTP stack Nest runs Glane on), to tell the framework's share from ours.
 *
 * Run (from the repository root, PostgreSQL and Redis up): npm run bench:api
 * Options: --duration=S (seconds of measured load per round, default 10), --warmup=S (default 2),
 *   --connections=N (default 10), --rounds=N (load rounds per server, alternated, median kept;
 *   default 1), --database-url=URL, --redis-url=URL.
 * Exit code 1 when a goal fails.
 *
 * What is measured, for each server in its own child process (Glane's baselines: bench/support):
 * - time to ready: from spawn to the first 200 of GET /health/ready (PostgreSQL and Redis checked)
 *   for Glane, of the ping query for the bare server;
 * - RSS idle: VmRSS 2 s after ready; RSS after load: VmRSS right after its last load round;
 * - req/s and p99 latency of POST /graphql {"query":"{ ping }"} under autocannon (10 connections,
 *   no pipelining), after a warm-up whose figures are discarded.
 * - the server's CPU time per request (user + system, from /proc): the cost of the stack itself,
 *   which other work on a shared machine disturbs much less than req/s; shown, not a goal.
 * Goals: ready < 3 s, RSS idle < 200 MB, throughput glane/bare ≥ 0.85.
 *
 * Glane runs with NODE_ENV=production (its real serving configuration: no introspection, no
 * GraphiQL) and LOG_LEVEL=silent; the bare server with NODE_ENV=production too. The environment
 * of each child is built here from scratch, with bench-only random secrets, so nothing of the
 * caller's shell leaks in.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { optionValue, positiveOption, print, printError } from './support/cli';
import { startNode, stop, stopAll, type NodeChild } from './support/child-processes';
import { deleteKeysWithPrefix } from './support/redis-cleanup';
import { freePort, httpRequest, load, rssMb, sleep, timeToReady, type LoadFigures } from './support/measure';

const GOALS = { readyMs: 3000, rssIdleMb: 200, throughputRatio: 0.85 } as const;
const PING = JSON.stringify({ query: '{ ping }' });
const PONG = JSON.stringify({ data: { ping: 'pong' } });
const IDLE_SETTLE_MS = 2000;

interface Options {
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

function parseOptions(argv: readonly string[]): Options {
  return {
    durationSeconds: positiveOption('duration', 10, argv),
    warmupSeconds: positiveOption('warmup', 2, argv),
    connections: positiveOption('connections', 10, argv),
    rounds: positiveOption('rounds', 1, argv),
    databaseUrl: optionValue('database-url', argv) ?? 'postgres://glane:glane@127.0.0.1:5432/glane',
    redisUrl: optionValue('redis-url', argv) ?? 'redis://127.0.0.1:6379',
  };
}

interface Server {
  readonly label: string;
  readonly child: NodeChild;
  readonly graphqlUrl: string;
  readonly readyMs: number;
  readonly rssIdleMb: number;
  readonly rounds: LoadFigures[];
  rssAfterLoadMb: number;
}

const randomSecret = (): string => randomBytes(32).toString('hex');

/** Glane's queue prefix for this run: its Redis keys are deleted at the end, passed or failed (not after Ctrl-C). */
const QUEUE_PREFIX = `glane-bench-${randomBytes(4).toString('hex')}`;

async function startGlane(options: Options): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX,
    LOG_LEVEL: 'silent',
    JWT_ACCESS_SECRET: randomSecret(),
    JWT_REFRESH_SECRET: randomSecret(),
    // Required in production; nothing is mailed during the bench (no SMTP server needs to listen).
    SMTP_URL: 'smtp://127.0.0.1:1025',
  };
  const startedAt = performance.now();
  const child = startNode('glane api', resolve(__dirname, '../apps/api/src/main.js'), env);
  const readyMs = await timeToReady(child, startedAt, async () => (await httpRequest(`${base}/health/ready`)).status === 200);
  return settle('glane', child, `${base}/graphql`, readyMs);
}

/** A baseline server script from bench/support, answering the ping query on POST /graphql. */
async function startBaseline(label: string, script: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const startedAt = performance.now();
  const child = startNode(label, resolve(__dirname, 'support', script), { NODE_ENV: 'production', PORT: String(port) });
  const readyMs = await timeToReady(child, startedAt, async () => (await httpRequest(url, { method: 'POST', body: PING })).status === 200);
  return settle(label, child, url, readyMs);
}

async function settle(label: string, child: NodeChild, graphqlUrl: string, readyMs: number): Promise<Server> {
  const answer = await httpRequest(graphqlUrl, { method: 'POST', body: PING });
  if (answer.status !== 200 || answer.body.trim() !== PONG) throw new Error(`${label}: ping answered ${answer.status} ${answer.body}`);
  await sleep(IDLE_SETTLE_MS);
  return { label, child, graphqlUrl, readyMs, rssIdleMb: rssMb(child.pid), rounds: [], rssAfterLoadMb: Number.NaN };
}

async function loadRound(server: Server, options: Options): Promise<void> {
  const common = { pid: server.child.pid, url: server.graphqlUrl, body: PING, connections: options.connections };
  await load({ ...common, durationSeconds: options.warmupSeconds });
  const figures = await load({ ...common, durationSeconds: options.durationSeconds });
  if (figures.failures > 0) throw new Error(`${server.label}: ${figures.failures} failed requests out of ${figures.total}`);
  server.rounds.push(figures);
  server.rssAfterLoadMb = rssMb(server.child.pid);
}

/** The round with the median throughput (its own p99 goes with it, so both come from one run). */
function medianRound(server: Server): LoadFigures {
  const sorted = [...server.rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error(`${server.label}: no load round`);
  return median;
}

function report(glane: Server, bare: Server, express: Server, options: Options): boolean {
  const [g, b, e] = [medianRound(glane), medianRound(bare), medianRound(express)];
  const ratio = g.requestsPerSecond / b.requestsPerSecond;
  const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  const readyPass = glane.readyMs < GOALS.readyMs;
  const rssPass = glane.rssIdleMb < GOALS.rssIdleMb;
  const ratioPass = ratio >= GOALS.throughputRatio;
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const mb = (value: number): string => `${value.toFixed(1)} MB`;
  const latency = (value: number): string => `${value.toFixed(2)} ms`;
  const each = (format: (server: Server, figures: LoadFigures) => string): string[] => [format(glane, g), format(bare, b), format(express, e)];

  const rows: string[][] = [
    ['', 'glane', 'bare apollo', 'apollo+express5', 'goal', ''],
    ['time to ready', ...each((server) => ms(server.readyMs)), `< ${GOALS.readyMs} ms`, verdict(readyPass)],
    ['RSS idle', ...each((server) => mb(server.rssIdleMb)), `< ${GOALS.rssIdleMb} MB`, verdict(rssPass)],
    ['RSS after load', ...each((server) => mb(server.rssAfterLoadMb)), '', ''],
    ['requests/s', ...each((_, figures) => figures.requestsPerSecond.toFixed(0)), '', ''],
    ['latency p50', ...each((_, figures) => latency(figures.p50Ms)), '', ''],
    ['latency p99', ...each((_, figures) => latency(figures.p99Ms)), '', ''],
    ['server CPU per request', ...each((_, figures) => `${figures.cpuMicrosPerRequest.toFixed(0)} µs`), '', ''],
    ['throughput glane/bare', ratio.toFixed(3), '', '', `≥ ${GOALS.throughputRatio}`, verdict(ratioPass)],
    ['throughput glane/apollo+express5', (g.requestsPerSecond / e.requestsPerSecond).toFixed(3), '', '', '', ''],
  ];
  const widths = rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length))) ?? [];
  print('');
  print(
    `POST /graphql {"query":"{ ping }"}: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.rounds} round(s) per server (median round shown).`,
  );
  for (const row of rows) print(row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('   '));
  print('The goals apply to glane against the bare (standalone) Apollo Server; apollo+express5 shows what the HTTP stack alone costs.');
  if (options.rounds > 1) {
    for (const server of [glane, bare, express])
      print(`${server.label} req/s per round: ${server.rounds.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}`);
  }
  return readyPass && rssPass && ratioPass;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  // One server at a time while starting, so that no start-up competes with another for the CPU.
  const glane = await startGlane(options);
  const bare = await startBaseline('bare apollo', 'bare-apollo-server.js');
  const express = await startBaseline('apollo+express5', 'express-apollo-server.js');
  const servers = [glane, bare, express];
  print(`ready: ${servers.map((server) => `${server.label} in ${server.readyMs.toFixed(0)} ms`).join(', ')}; loading...`);
  // Servers take turns round by round, so that a burst of outside load on the machine hits them all.
  for (let round = 0; round < options.rounds; round += 1) {
    for (const server of servers) await loadRound(server, options);
  }
  const passed = report(glane, bare, express, options);
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
