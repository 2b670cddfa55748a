/**
 * Claim-contention benchmark: `claimOffer` under concurrent clients, next to a bare conditional SQL
 * UPDATE of the same kind of rows, through the same connection pool, in the same run.
 *
 * Run (from the repository root, PostgreSQL with PostGIS provisioned as for the tests):
 *   npm run bench:claims
 * Options: --clients=N (concurrent clients, default 20), --hot=N (claims on the 5 hot offers,
 * default 1000), --cold=N (cold offers, one claim each, default 500), --seed=N. BENCH_DATABASE_URL
 * (default TEST_DATABASE_URL, then postgres://glane:glane@127.0.0.1:5432/glane_test) names a database
 * the glane role can connect to; the benchmark creates `glane_bench_claims` from the template
 * glane_test_template, migrates it, fills it and drops it at the end. Exit code 1 when a goal fails.
 *
 * Figures, per phase:
 * - hot: every client claims 1 kg at a time of one of 5 offers holding half as many kg as there are
 *   attempts, so half the claims win and half are refused (ALREADY_CLAIMED, CLAIM_EXCEEDS_REMAINING);
 * - cold: each of the offers is claimed once, whole ("everything that remains"), by some client;
 * - ours: ClaimOffer.execute, the use case the API runs (membership, offer and the matching engine's
 *   verdict, read side by side; then one statement: idempotency key, the offer at the version read,
 *   the storage check under its lock, claim, lines, pickup, trace, outbox; again under the offer's
 *   row lock when another claim changed the offer in between), minus GraphQL and HTTP;
 * - bare: `UPDATE offer_items SET remaining_kg = remaining_kg - $2 WHERE id = $1 AND remaining_kg >= $2`
 *   on rows of the same shape, through the same pg pool (what "not overselling" costs at the least);
 * - CPU per operation: this process's (the API's share of the work) and, when PostgreSQL runs on
 *   this machine, its processes' (read from /proc): where each operation's cost goes;
 * - oversells: items whose claims that hold goods and remainder do not add up to their quantity, or
 *   went below zero, and recipients holding more than they declared for the day (must be 0).
 * Goals: ours ≥ 0.5 × bare in claims/s on cold offers; 0 oversells; ours p99 ≤ 50 ms.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Authorizer, ClaimOffer, SystemClock } from '#application';
import { isDomainError } from '#domain';
import {
  buildDataSourceOptions,
  SqlDomainEventWriter,
  SqlMatchCandidateFinder,
  TypeOrmClaimRepository,
  TypeOrmJobOutbox,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmOrganizationRepository,
  TypeOrmPickupRepository,
  TypeOrmUnitOfWork,
} from '#persistence';
import { DataSource } from 'typeorm';
import { benchServerUrl, dropBenchDatabase, recreateBenchDatabase } from './support/bench-database';
import { positiveOption, print } from './support/cli';
import { ownCpuMs, postgresCpuMs } from './support/cpu-time';
import { seededRandom } from './support/seeded-random';

const BENCH_DATABASE = 'glane_bench_claims';
const HOT_OFFERS = 5;
const GOAL_COLD_RATIO = 0.5;
const GOAL_P99_MS = 50;
const HOUR = 3_600_000;
const ALWAYS_OPEN = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] })));

type Outcome = 'ok' | 'refused';

interface PhaseFigures {
  readonly name: string;
  readonly ok: number;
  readonly refused: number;
  readonly seconds: number;
  readonly latencies: readonly number[];
  /** CPU per operation, in ms: this process (the API's share) and PostgreSQL's (when local). */
  readonly nodeCpuMs: number;
  readonly postgresCpuMs: number | undefined;
}

interface PgPool {
  query(text: string, values: unknown[]): Promise<{ rowCount: number | null }>;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** `clients` loops taking the next task until none is left; each task's latency is recorded. */
async function runPhase(name: string, clients: number, tasks: ReadonlyArray<(client: number) => Promise<Outcome>>): Promise<PhaseFigures> {
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let refused = 0;
  const started = performance.now();
  const nodeCpuBefore = ownCpuMs();
  const postgresCpuBefore = postgresCpuMs();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = next++; index < tasks.length; index = next++) {
        const task = tasks[index];
        if (task === undefined) continue;
        const start = performance.now();
        const outcome = await task(client);
        latencies.push(performance.now() - start);
        if (outcome === 'ok') ok += 1;
        else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const postgresCpuAfter = postgresCpuMs();
  const operations = Math.max(1, tasks.length);
  return {
    name,
    ok,
    refused,
    seconds,
    latencies,
    nodeCpuMs: (ownCpuMs() - nodeCpuBefore) / operations,
    postgresCpuMs: postgresCpuBefore === undefined || postgresCpuAfter === undefined ? undefined : (postgresCpuAfter - postgresCpuBefore) / operations,
  };
}

interface Dataset {
  readonly recipients: ReadonlyArray<{ readonly organizationId: string; readonly userId: string }>;
  readonly hotOffers: ReadonlyArray<{ readonly offerId: string; readonly itemId: string }>;
  readonly coldOffers: ReadonlyArray<{ readonly offerId: string; readonly itemId: string }>;
  readonly bareHotItems: readonly string[];
  readonly bareColdItems: readonly string[];
  readonly warmOffers: ReadonlyArray<{ readonly offerId: string; readonly itemId: string }>;
  readonly bareWarmItems: readonly string[];
}

async function seed(ds: DataSource, clients: number, hotKg: number, cold: number): Promise<Dataset> {
  const now = Date.now();
  const donor = randomUUID();
  const donorSite = randomUUID();
  await ds.query(
    `INSERT INTO organizations (id, kind, name, legal_id, legal_id_kind, verified_at) VALUES ($1, 'DONOR', 'Bench donor', '73282932000074', 'SIRET', now())`,
    [donor],
  );
  await ds.query(
    `INSERT INTO sites (id, organization_id, name, address, location, opening_hours, closures)
     VALUES ($1, $2, 'Dépôt', 'Adresse', ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326)::geography, $3::jsonb, '[]'::jsonb)`,
    [donorSite, donor, ALWAYS_OPEN],
  );
  const recipients = [];
  for (let i = 0; i < clients; i += 1) {
    const organizationId = randomUUID();
    const userId = randomUUID();
    await ds.query(`INSERT INTO organizations (id, kind, name, legal_id, legal_id_kind, verified_at) VALUES ($1, 'RECIPIENT', $2, $3, 'RNA', now())`, [
      organizationId,
      `Bench recipient ${i}`,
      `W${String(100000000 + i)}`,
    ]);
    await ds.query(
      `INSERT INTO sites (id, organization_id, name, address, location, opening_hours, closures)
       VALUES ($1, $2, 'Local', 'Adresse', ST_SetSRID(ST_MakePoint(2.35, 48.86 + $3 * 0.001), 4326)::geography, $4::jsonb, '[]'::jsonb)`,
      [randomUUID(), organizationId, i, ALWAYS_OPEN],
    );
    await ds.query(
      `INSERT INTO recipient_profiles (organization_id, accepted_categories, ambient_capacity_kg, chilled_capacity_kg, frozen_capacity_kg,
         service_radius_km, dlc_margin_hours, redistributes_faster, people_per_week)
       VALUES ($1, '{FOOD}', 1000000, 0, 0, 30, 48, false, 100)`,
      [organizationId],
    );
    await ds.query(`INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, 'Bench', 'x')`, [
      userId,
      `bench.${i}.${userId.slice(0, 8)}@bench.example`,
    ]);
    await ds.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [organizationId, userId]);
    recipients.push({ organizationId, userId });
  }
  const offer = async (kg: number): Promise<{ offerId: string; itemId: string }> => {
    const offerId = randomUUID();
    const itemId = randomUUID();
    await ds.query(
      `INSERT INTO offers (id, donor_organization_id, site_id, title, status, pickup_from, pickup_until, location, total_kg, remaining_kg, published_at)
       VALUES ($1, $2, $3, 'Lot', 'PUBLISHED', $4, $5, ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326)::geography, $6, $6, now())`,
      [offerId, donor, donorSite, new Date(now + HOUR), new Date(now + 6 * HOUR), kg],
    );
    await ds.query(
      `INSERT INTO offer_items (id, offer_id, position, category, description, quantity_kg, remaining_kg, temperature, date_kind)
       VALUES ($1, $2, 0, 'FOOD.DRY', 'Pâtes', $3, $3, 'AMBIENT', 'NONE')`,
      [itemId, offerId, kg],
    );
    return { offerId, itemId };
  };
  const hotOffers = [];
  const bareHot = [];
  for (let i = 0; i < HOT_OFFERS; i += 1) {
    hotOffers.push(await offer(hotKg));
    bareHot.push((await offer(hotKg)).itemId);
  }
  const coldOffers = [];
  const bareCold = [];
  for (let i = 0; i < cold; i += 1) {
    coldOffers.push(await offer(10));
    bareCold.push((await offer(10)).itemId);
  }
  const warmOffers = [];
  const bareWarm = [];
  for (let i = 0; i < 4 * clients; i += 1) {
    warmOffers.push(await offer(10));
    bareWarm.push((await offer(10)).itemId);
  }
  await ds.query('ANALYZE');
  return { recipients, hotOffers, coldOffers, bareHotItems: bareHot, bareColdItems: bareCold, warmOffers, bareWarmItems: bareWarm };
}

/** The bare phases' rows change without claims by design: only the offers claimOffer works on are checked. */
async function oversells(ds: DataSource, bareItems: readonly string[]): Promise<number> {
  const [items] = await ds.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM offer_items i
      WHERE i.id <> ALL($1::uuid[]) AND (i.remaining_kg < 0 OR i.remaining_kg + (SELECT coalesce(sum(l.quantity_kg), 0) FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
                                                    WHERE l.offer_item_id = i.id) <> i.quantity_kg)`,
    [bareItems],
  );
  const [capacity] = await ds.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM (
       SELECT c.recipient_organization_id, c.pickup_day, sum(l.quantity_kg) AS kg, max(p.ambient_capacity_kg) AS declared
         FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id JOIN recipient_profiles p ON p.organization_id = c.recipient_organization_id
        WHERE l.temperature = 'AMBIENT' GROUP BY 1, 2) held
      WHERE held.kg > held.declared`,
  );
  return Number(items?.n ?? 0) + Number(capacity?.n ?? 0);
}

async function main(): Promise<void> {
  const clients = positiveOption('clients', 20);
  const hotAttempts = positiveOption('hot', 1000);
  const coldCount = positiveOption('cold', 500);
  const random = seededRandom(positiveOption('seed', 42));

  await recreateBenchDatabase(BENCH_DATABASE);
  const ds = new DataSource(buildDataSourceOptions({ databaseUrl: benchServerUrl(BENCH_DATABASE), nodeEnv: 'production' }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    // Half the attempts on the hot offers can win: 1 kg each.
    const data = await seed(ds, clients, Math.floor(hotAttempts / 2 / HOT_OFFERS), coldCount);
    const pool = (ds.driver as unknown as { master: PgPool }).master;

    const events = new SqlDomainEventWriter(ds);
    const claims = new TypeOrmClaimRepository(ds, events);
    const claimOffer = new ClaimOffer(
      new Authorizer(new TypeOrmMembershipRepository(ds)),
      new TypeOrmOrganizationRepository(ds),
      new SqlMatchCandidateFinder(ds),
      new TypeOrmOfferRepository(ds, events),
      claims,
      new TypeOrmPickupRepository(ds),
      new TypeOrmJobOutbox(ds),
      new TypeOrmUnitOfWork(ds),
      new SystemClock(),
    );
    const recipientOf = (client: number) => data.recipients[client % data.recipients.length] ?? { organizationId: '', userId: '' };
    const claim = async (client: number, offerId: string, lines: Array<{ itemId: string; quantityKg: number }> | null): Promise<Outcome> => {
      const recipient = recipientOf(client);
      try {
        await claimOffer.execute({
          actor: { userId: recipient.userId, platformAdmin: false, emailVerified: true },
          offerId,
          organizationId: recipient.organizationId,
          lines,
          idempotencyKey: `bench-${randomUUID()}`,
        });
        return 'ok';
      } catch (error) {
        if (isDomainError(error) && (error.code === 'ALREADY_CLAIMED' || error.code === 'CLAIM_EXCEEDS_REMAINING')) return 'refused';
        throw error;
      }
    };
    const bare = async (itemId: string, kg: number): Promise<Outcome> => {
      const result = await pool.query('UPDATE offer_items SET remaining_kg = remaining_kg - $2 WHERE id = $1 AND remaining_kg >= $2', [itemId, kg]);
      return (result.rowCount ?? 0) > 0 ? 'ok' : 'refused';
    };

    // Warm-up: plans, caches and the pool's connections, on offers of their own.
    await runPhase(
      'warm-up',
      clients,
      data.warmOffers.map((target) => (client) => claim(client, target.offerId, null)),
    );
    await runPhase(
      'warm-up',
      clients,
      data.bareWarmItems.map((itemId) => () => bare(itemId, 10)),
    );

    // Statistics as autovacuum keeps them on a live database: the warm-up's claims are in them, so
    // the planner does not take the claim tables for empty (seeding analysed them before any claim).
    await ds.query('ANALYZE');

    const hotPicks = Array.from({ length: hotAttempts }, () => Math.floor(random() * HOT_OFFERS));
    const phases: PhaseFigures[] = [];
    phases.push(
      await runPhase(
        'hot, bare UPDATE',
        clients,
        hotPicks.map((pick) => () => bare(data.bareHotItems[pick] ?? '', 1)),
      ),
    );
    phases.push(
      await runPhase(
        'hot, claimOffer',
        clients,
        hotPicks.map((pick) => (client) => {
          const target = data.hotOffers[pick];
          return target === undefined ? Promise.resolve('refused') : claim(client, target.offerId, [{ itemId: target.itemId, quantityKg: 1 }]);
        }),
      ),
    );
    phases.push(
      await runPhase(
        'cold, bare UPDATE',
        clients,
        data.bareColdItems.map((itemId) => () => bare(itemId, 10)),
      ),
    );
    phases.push(
      await runPhase(
        'cold, claimOffer',
        clients,
        data.coldOffers.map((target) => (client) => claim(client, target.offerId, null)),
      ),
    );

    print(`${clients} concurrent clients, ${HOT_OFFERS} hot offers (${hotAttempts} attempts), ${coldCount} cold offers; pool of 20 connections.`);
    print();
    print(
      `${'phase'.padEnd(20)} ${'ok'.padStart(6)} ${'refused'.padStart(8)} ${'ops/s'.padStart(9)} ${'claims/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU ms/op: Node'.padStart(16)} ${'PostgreSQL'.padStart(10)}`,
    );
    for (const phase of phases) {
      print(
        `${phase.name.padEnd(20)} ${String(phase.ok).padStart(6)} ${String(phase.refused).padStart(8)} ${((phase.ok + phase.refused) / phase.seconds).toFixed(0).padStart(9)} ${(
          phase.ok / phase.seconds
        )
          .toFixed(0)
          .padStart(9)} ${percentile(phase.latencies, 50).toFixed(2).padStart(8)} ${percentile(phase.latencies, 99).toFixed(2).padStart(8)} ${phase.nodeCpuMs
          .toFixed(2)
          .padStart(16)} ${(phase.postgresCpuMs === undefined ? 'n/a' : phase.postgresCpuMs.toFixed(2)).padStart(10)}`,
      );
    }
    const [hotBare, hotOurs, coldBare, coldOurs] = phases;
    const rate = (phase: PhaseFigures | undefined) => (phase === undefined ? Number.NaN : phase.ok / phase.seconds);
    const coldRatio = rate(coldOurs) / rate(coldBare);
    const hotRatio = rate(hotOurs) / rate(hotBare);
    const oversold = await oversells(ds, [...data.bareHotItems, ...data.bareColdItems, ...data.bareWarmItems]);
    const p99 = Math.max(percentile(hotOurs?.latencies ?? [], 99), percentile(coldOurs?.latencies ?? [], 99));
    print();
    print(`claims/s, claimOffer ÷ bare UPDATE: cold ${coldRatio.toFixed(3)} (goal ≥ ${GOAL_COLD_RATIO}), hot ${hotRatio.toFixed(3)}`);
    print(`oversells: ${oversold} (goal 0); claimOffer p99: ${p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms)`);
    const failed = [coldRatio < GOAL_COLD_RATIO, oversold > 0, p99 > GOAL_P99_MS].filter(Boolean).length;
    print(failed === 0 ? 'All goals met.' : `${failed} goal(s) not met.`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    await ds.destroy().catch(() => undefined);
    await dropBenchDatabase(BENCH_DATABASE);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
