import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { NodeChild } from './child-processes';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free at the time of asking (the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** One HTTP request on a fresh connection; rejects on network errors and after timeoutMs. */
export function httpRequest(url: string, init: { method?: string; body?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> =
      init.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(init.body)) };
    const req = request(url, { method: init.method ?? 'GET', headers, timeout: init.timeoutMs ?? 1000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${init.timeoutMs ?? 1000} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * Milliseconds from `startedAt` (taken just before spawning) to the first answer that `isReady`
 * accepts, polling every 10 ms. Fails fast if the child exits, and after timeoutMs.
 */
export async function timeToReady(child: NodeChild, startedAt: number, probe: () => Promise<boolean>, timeoutMs = 30000): Promise<number> {
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${child.name} exited with code ${exitCode} before it was ready:\n${child.output()}`);
    if (performance.now() - startedAt > timeoutMs) throw new Error(`${child.name} was not ready within ${timeoutMs} ms:\n${child.output()}`);
    const ready = await probe().catch(() => false);
    if (ready) return performance.now() - startedAt;
    await sleep(10);
  }
}

/** Resident set size of a process in MB (VmRSS from /proc, or `ps` where there is no /proc). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    if (match?.[1] !== undefined) return Number(match[1]) / 1024;
  } catch {
    // No procfs (macOS): fall back to ps below.
  }
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return kb / 1024;
}

/**
 * CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat; NaN where
 * there is no procfs. Per request, it is a figure that other work on the machine barely disturbs.
 */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields from the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ: 100 on every Linux ABI Node supports
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly p50Ms: number;
  readonly total: number;
  /** Non-2xx answers, network errors and timeouts together; a single one makes the run invalid. */
  readonly failures: number;
  /** The server's CPU time per answered request, in microseconds (NaN without procfs). */
  readonly cpuMicrosPerRequest: number;
}

export interface LoadOptions {
  /** The server process, whose CPU time is read before and after. */
  readonly pid: number;
  readonly url: string;
  readonly body: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Requests per second over all connections; absent, each connection sends as fast as it is answered. */
  readonly overallRate?: number;
}

/** A constant-concurrency (or, with overallRate, constant-rate) load of POST requests with autocannon (in this process). */
export async function load(options: LoadOptions): Promise<LoadFigures> {
  const cpuBefore = cpuSeconds(options.pid);
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationSeconds,
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMicrosPerRequest: ((cpuSeconds(options.pid) - cpuBefore) * 1e6) / result.requests.total,
  };
}
