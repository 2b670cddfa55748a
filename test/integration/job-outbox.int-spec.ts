import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DispatchOutbox, JobOutbox, UnitOfWork } from '#application';
import { ConfigModule, type AppConfig } from '#config';
import { JobsModule, redisOptions } from '#jobs';
import { DatabaseConnector, PersistenceModule } from '#persistence';
import { Queue, type ConnectionOptions } from 'bullmq';
import { provideTestServices, type TestServices } from '../support/test-stack';

function outboxModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), PersistenceModule, JobsModule.forProducer()], providers: [DispatchOutbox] })
  class OutboxTestModule {}
  return OutboxTestModule;
}

const heartbeat = (requestId: string) => ({ requestId, requestedAt: '2026-11-22T10:00:00.000Z' });

describe('the job outbox: jobs are enqueued if and only if their transaction commits', () => {
  let services: TestServices;
  let app: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    services = await provideTestServices();
    app = await NestFactory.createApplicationContext(outboxModule(services.config), { logger: false });
    await app.init();
    await app.get(DatabaseConnector).whenConnected();
    queue = new Queue('system', { connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions, prefix: services.config.queuePrefix });
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await services?.release();
  });

  const pendingRows = async (): Promise<number> =>
    Number((await services.dataSource.query('SELECT count(*)::int AS n FROM outbox_jobs WHERE dispatched_at IS NULL'))[0].n);

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      app.get(UnitOfWork).run(async () => {
        await app.get(JobOutbox).add('system.heartbeat', heartbeat('rolled-back'));
        throw new Error('the use case failed after writing');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await pendingRows()).toBe(0);
  });

  it('relays a committed job to the queue under its job id, once', async () => {
    await app.get(UnitOfWork).run(() => app.get(JobOutbox).add('system.heartbeat', heartbeat('committed'), { jobId: 'hb-committed' }));
    expect(await pendingRows()).toBe(1);

    expect(await app.get(DispatchOutbox).execute()).toBe(1);
    expect(await app.get(DispatchOutbox).execute()).toBe(0);

    const job = await queue.getJob('hb-committed');
    expect(job?.data).toEqual(heartbeat('committed'));
    expect(await pendingRows()).toBe(0);
  });

  it('with relays racing, hands every row to the queue exactly once', async () => {
    await app.get(UnitOfWork).run(async () => {
      for (let i = 0; i < 60; i += 1) await app.get(JobOutbox).add('system.heartbeat', heartbeat(`race-${i}`), { jobId: `race-${i}` });
    });
    const before = await queue.getJobCounts('waiting');

    const dispatched = await Promise.all(Array.from({ length: 4 }, () => app.get(DispatchOutbox).execute(10)));
    let total = dispatched.reduce((sum, n) => sum + n, 0);
    while (total < 60) total += await app.get(DispatchOutbox).execute(10);

    expect(total).toBe(60);
    expect(await pendingRows()).toBe(0);
    const after = await queue.getJobCounts('waiting');
    expect(after.waiting - before.waiting).toBe(60);
  });
});
