import { Client } from 'pg';
import { adminDatabaseUrl, TEST_DATABASE_PREFIX } from './test-database';

// Databases of killed runs are dropped after an hour; younger ones may belong to a run in progress.
const STALE_AFTER_SECONDS = 3600;

/** Fails fast with a clear message if the services are not provisioned, and sweeps stale test databases. */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach the test PostgreSQL (${(error as Error).message}). Run scripts/provision.sh (npm test does it).`);
  }
  try {
    const template = await client.query("SELECT 1 FROM pg_database WHERE datname = 'glane_test_template' AND datistemplate");
    if (template.rowCount !== 1) throw new Error('The glane_test_template database is missing. Run scripts/provision.sh (npm test does it).');
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DATABASE_PREFIX}%`]);
    const now = Math.floor(Date.now() / 1000);
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
      if (Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_SECONDS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
