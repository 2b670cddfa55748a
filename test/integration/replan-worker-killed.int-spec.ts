import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { FixedClock } from '#application';
import { redisOptions } from '#jobs';
import { TypeOrmUnitOfWork } from '#persistence';
import { Queue, type ConnectionOptions } from 'bullmq';
import { waitForLockWaiters } from '../support/contention';
import { claimUseCases } from '../support/factories/claims.factory';
import { insertOffer } from '../support/factories/matching.factory';
import { insertRunDonor, insertRunRecipient, runUseCases } from '../support/factories/runs.factory';
import { provideTestServices, startWorker, type TestServices } from '../support/test-stack';
import { until } from '../support/until';

// A day ahead of any run of the suite; the use cases' clock says it is 07:00 that day in Bordeaux.
const DAY = '2031-03-12';
const NOW = new Date('2031-03-12T06:00:00Z');
const paris = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+01:00`);
const BORDEAUX = { latitude: 44.8378, longitude: -0.5792 };
const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');

/**
 * A real worker process (the built one), killed with SIGKILL in the middle of a re-plan: nothing
 * of its work is committed, the job stays active until its lock expires, and BullMQ's stalled-job
 * check hands it to another worker, which re-plans the day. No re-plan is lost.
 */
describe('a worker killed while re-planning', () => {
  let services: TestServices;
  let offers: Queue;
  let survivor: INestApplicationContext | undefined;

  beforeAll(async () => {
    services = await provideTestServices({ RUNS_REPLAN_DEBOUNCE_SECONDS: '1' });
    offers = new Queue('offers', { connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions, prefix: services.config.queuePrefix });
  });

  afterAll(async () => {
    await survivor?.close();
    await offers?.close();
    await services?.release();
  });

  it('loses no re-plan: the job is retried by another worker, which plans the new claim', async () => {
    const ds = services.dataSource;
    const clock = new FixedClock(NOW);
    const { claimOffer } = claimUseCases(ds, clock);
    const { planRuns, runs } = runUseCases(ds, clock);
    const recipient = await insertRunRecipient(ds, BORDEAUX);
    const claim = async (name: string, latitude: number, longitude: number): Promise<string> => {
      const donor = await insertRunDonor(ds, name, { latitude, longitude });
      const { offerId } = await insertOffer(ds, {
        donorOrganizationId: donor.organizationId,
        siteId: donor.siteId,
        latitude,
        longitude,
        pickupFrom: paris('09:00'),
        pickupUntil: paris('13:00'),
        items: [{ category: 'FOOD.DRY', kg: 30 }],
      });
      const actor = { userId: recipient.adminId, platformAdmin: false, emailVerified: true };
      return (await claimOffer.execute({ actor, offerId, organizationId: recipient.organizationId, lines: null, idempotencyKey: `kill-${randomUUID()}` })).id;
    };
    await claim('Hyper Mérignac', 44.8386, -0.6811);
    const actor = { userId: recipient.adminId, platformAdmin: false, emailVerified: true };
    await planRuns.execute({ actor, organizationId: recipient.organizationId, day: DAY, vehicles: [{ capacityKg: 400, refrigerated: true }] });
    const late = await claim('Boulangerie Bègles', 44.8086, -0.5478);

    // The test holds the day's planning lock, so the re-plan, once started, waits inside its transaction.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = new TypeOrmUnitOfWork(ds).run(async () => {
      await runs.lockDay(recipient.organizationId, DAY);
      locked();
      await released;
    });
    await isLocked;

    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: services.config.databaseUrl,
        REDIS_URL: services.config.redisUrl,
        QUEUE_PREFIX: services.config.queuePrefix,
        RUNS_REPLAN_DEBOUNCE_SECONDS: '1',
        // Nobody listens there: e-mails fail and are retried later, which is not this test's business.
        SMTP_URL: 'smtp://127.0.0.1:9',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      // Proof the worker is re-planning: its re-plan job is active and its transaction waits for the lock.
      await waitForLockWaiters(ds, 1, 'the re-plan', 60_000);
      const active = await until(async () => (await offers.getJobs(['active'])).find((job) => job.name === 'runs.replan'), 10_000, 'the active re-plan');
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      release();
      await holding;
      expect(await ds.query('SELECT count(*)::int AS n FROM run_stops WHERE claim_id = $1', [late])).toEqual([{ n: 0 }]);

      // Another worker takes the job over once its lock has expired (the stalled-job check), and re-plans.
      survivor = await startWorker(services.config);
      await until(
        async () => ((await ds.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM run_stops WHERE claim_id = $1', [late]))[0]?.n ? true : undefined),
        150_000,
        'the re-plan by the other worker',
      );
      const job = await offers.getJob(active.id ?? '');
      expect(await job?.getState()).toBe('completed');
      expect(job?.stalledCounter).toBeGreaterThanOrEqual(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      release();
    }
  }, 240_000);
});
