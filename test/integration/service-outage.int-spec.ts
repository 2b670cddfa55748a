import request from 'supertest';
import { TcpSwitch } from '../support/tcp-switch';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

async function eventually(check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('PostgreSQL and Redis down at start: the API starts anyway, says it is not ready, and recovers', () => {
  let services: TestServices;
  let api: RunningApi | undefined;
  const postgres = new TcpSwitch('127.0.0.1', 5432);
  const redis = new TcpSwitch('127.0.0.1', 6379);

  beforeAll(async () => {
    services = await provideTestServices();
  });

  afterAll(async () => {
    await api?.app.close();
    await Promise.all([postgres.off(), redis.off()]);
    await services?.release();
  });

  it('is live but not ready while both are down, then ready once they are back', async () => {
    const databaseUrl = new URL(services.config.databaseUrl);
    databaseUrl.port = String(await postgres.reservePort());
    const redisUrl = `redis://127.0.0.1:${await redis.reservePort()}`;

    api = await startApi({ ...services.config, databaseUrl: databaseUrl.toString(), redisUrl }, { waitForDatabase: false });

    await request(api.httpUrl).get('/health/live').expect(200);
    const notReady = await request(api.httpUrl).get('/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'down' } });
    const ping = await request(api.httpUrl).post('/graphql').send({ query: '{ ping }' });
    expect(ping.body).toEqual({ data: { ping: 'pong' } });

    await Promise.all([postgres.on(), redis.on()]);
    await eventually(async () => (await request(api!.httpUrl).get('/health/ready')).status === 200);
  });

  it('goes back to not ready when PostgreSQL disappears after start, and recovers again', async () => {
    await postgres.off();
    await eventually(async () => (await request(api!.httpUrl).get('/health/ready')).status === 503);
    await postgres.on();
    await eventually(async () => (await request(api!.httpUrl).get('/health/ready')).status === 200);
  });
});
