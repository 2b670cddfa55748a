import { Client } from 'pg';

/**
 * Where the benchmarks make their throw-away databases: BENCH_DATABASE_URL, else the tests' server
 * (TEST_DATABASE_URL), else the local default. The role must be allowed to create databases from
 * the PostGIS template glane_test_template, which scripts/provision.sh prepares.
 */
export function benchServerUrl(database?: string): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://glane:glane@127.0.0.1:5432/glane_test');
  if (database !== undefined) url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: benchServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database (PostGIS installed, no migrations yet) named `name`, replacing any left by an interrupted run; its URL. */
export async function recreateBenchDatabase(name: string): Promise<string> {
  await dropBenchDatabase(name);
  await onServer(`CREATE DATABASE ${name} TEMPLATE glane_test_template`);
  return benchServerUrl(name);
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
