import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, JOB_NAMES, JobScheduler, SystemClock, type JobName, type JobPayloads } from '#application';
import { ConfigModule, type AppConfig } from '#config';
import { HandlesJob, JobsModule, type JobHandler } from '#jobs';
import { Queue, type ConnectionOptions } from 'bullmq';
import { redisOptions } from '#jobs';
import { provideTestServices, type TestServices } from '../support/test-stack';

/** A handler that takes its time, so the test can stop the worker while a job is active. */
@Injectable()
@HandlesJob('system.heartbeat')
class SlowHeartbeatHandler implements JobHandler<'system.heartbeat'> {
  static readonly started: string[] = [];
  static readonly finished: string[] = [];
  static durationMs = 0;

  async handle(payload: JobPayloads['system.heartbeat']): Promise<void> {
    SlowHeartbeatHandler.started.push(payload.requestId);
    await new Promise((resolve) => setTimeout(resolve, SlowHeartbeatHandler.durationMs));
    SlowHeartbeatHandler.finished.push(payload.requestId);
  }
}

/** The worker refuses to start unless every job has a handler: the other jobs get inert ones here. */
function inertHandler(name: JobName) {
  @Injectable()
  @HandlesJob(name)
  class InertHandler {
    async handle(): Promise<void> {}
  }
  return InertHandler;
}

function workerModule(config: AppConfig) {
  const others = JOB_NAMES.filter((name) => name !== 'system.heartbeat').map(inertHandler);
  @Module({
    imports: [ConfigModule.forRoot(config), JobsModule.forWorker()],
    providers: [{ provide: Clock, useClass: SystemClock }, SlowHeartbeatHandler, ...others],
  })
  class TestWorkerModule {}
  return TestWorkerModule;
}

async function until(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('worker shutdown (what SIGTERM triggers through enableShutdownHooks)', () => {
  let services: TestServices;
  let queue: Queue;

  beforeAll(async () => {
    services = await provideTestServices({ WORKER_SHUTDOWN_GRACE_MS: '1500' });
    queue = new Queue('system', { connection: redisOptions(services.config.redisUrl, 'worker') as ConnectionOptions, prefix: services.config.queuePrefix });
  });

  afterAll(async () => {
    await queue?.close();
    await services?.release();
  });

  it('lets an active job finish within the grace period before closing', async () => {
    SlowHeartbeatHandler.durationMs = 600;
    const worker = await NestFactory.createApplicationContext(workerModule(services.config), { logger: false });
    await worker.init();
    await worker.get(JobScheduler).enqueue('system.heartbeat', { requestId: 'finish-me', requestedAt: new Date().toISOString() }, { jobId: 'finish-me' });
    await until(() => SlowHeartbeatHandler.started.includes('finish-me'));

    await worker.close();

    expect(SlowHeartbeatHandler.finished).toContain('finish-me');
    expect(await (await queue.getJob('finish-me'))?.getState()).toBe('completed');
  });

  it('releases a job that outlives the grace period, and another worker completes it', async () => {
    SlowHeartbeatHandler.durationMs = 4000;
    const first = await NestFactory.createApplicationContext(workerModule(services.config), { logger: false });
    await first.init();
    await first.get(JobScheduler).enqueue('system.heartbeat', { requestId: 'release-me', requestedAt: new Date().toISOString() }, { jobId: 'release-me' });
    await until(() => SlowHeartbeatHandler.started.includes('release-me'));

    const closedAt = Date.now();
    await first.close();
    expect(Date.now() - closedAt).toBeLessThan(3500);
    expect(await (await queue.getJob('release-me'))?.getState()).not.toBe('completed');

    // The released job goes back to waiting (force-closed workers leave it to the stalled check or
    // to the retry), and a fresh worker takes it to completion.
    SlowHeartbeatHandler.durationMs = 10;
    const second = await NestFactory.createApplicationContext(workerModule(services.config), { logger: false });
    await second.init();
    try {
      await until(() => SlowHeartbeatHandler.finished.filter((id) => id === 'release-me').length >= 1, 60000);
    } finally {
      await second.close();
    }
  }, 90000);
});
