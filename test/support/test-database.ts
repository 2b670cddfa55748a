import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEST_DATABASE_PREFIX = 'glane_t_';

const serverUrl = (): URL => new URL(process.env.TEST_DATABASE_URL ?? 'postgres://glane:glane@127.0.0.1:5432/glane_test');

/** A database the glane role can connect to in order to create and drop per-file test databases. */
export function adminDatabaseUrl(): string {
  return serverUrl().toString();
}

/**
 * A fresh database cloned from the PostGIS template, for one test file: suites never see each
 * other's rows, and a developer's own database is never touched.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE glane_test_template`);
  } finally {
    await admin.end();
  }
  const url = serverUrl();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminDatabaseUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
