import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { registerPlatformAdmin, type TestUser } from '../support/graphql-http';
import { firstEvent, waitForSubscribers, wsClient } from '../support/graphql-ws-client';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';

const HEARTBEAT = `subscription ($requestId: ID!) { heartbeat(requestId: $requestId) { requestId processedBy processedAt } }`;

describe('the foundation, end to end: two API instances, one worker, real PostgreSQL and Redis', () => {
  let services: TestServices;
  let apiA: RunningApi;
  let apiB: RunningApi;
  let worker: INestApplicationContext;
  let admin: TestUser;

  beforeAll(async () => {
    services = await provideTestServices();
    [apiA, apiB, worker] = await Promise.all([startApi(services.config), startApi(services.config), startWorker(services.config)]);
    // The heartbeat is an operator's tool: platform admins only.
    admin = await registerPlatformAdmin(apiA, services.dataSource);
  });

  afterAll(async () => {
    await Promise.all([apiA?.app.close(), apiB?.app.close(), worker?.close()]);
    await services?.release();
  });

  it('answers a query over HTTP', async () => {
    const response = await request(apiA.httpUrl).post('/graphql').send({ query: '{ ping }' }).expect(200);
    expect(response.body).toEqual({ data: { ping: 'pong' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed request id from the caller for log correlation', async () => {
    const response = await request(apiA.httpUrl).post('/graphql').set('x-request-id', 'client-req-12345').send({ query: '{ ping }' });
    expect(response.headers['x-request-id']).toBe('client-req-12345');
  });

  it('refuses the heartbeat to anyone but a platform admin', async () => {
    const anonymous = await request(apiA.httpUrl).post('/graphql').send({ query: 'mutation { sendHeartbeat { requestId } }' });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    await request(apiA.httpUrl).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(apiA.httpUrl).get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('round-trips a job through the worker and delivers its event to subscribers on both API instances', async () => {
    const requestId = randomUUID();
    const clientA = wsClient(apiA.wsUrl, { authorization: `Bearer ${admin.accessToken}` });
    const clientB = wsClient(apiB.wsUrl, { authorization: `Bearer ${admin.accessToken}` });
    try {
      const onA = firstEvent<{ heartbeat: { requestId: string; processedBy: string } }>(clientA, HEARTBEAT, { requestId });
      const onB = firstEvent<{ heartbeat: { requestId: string; processedBy: string } }>(clientB, HEARTBEAT, { requestId });
      await waitForSubscribers(services.config, 'system.heartbeat', 2);

      const sent = await request(apiA.httpUrl)
        .post('/graphql')
        .set('authorization', `Bearer ${admin.accessToken}`)
        .send({ query: 'mutation ($id: ID) { sendHeartbeat(requestId: $id) { requestId } }', variables: { id: requestId } })
        .expect(200);
      expect(sent.body.data.sendHeartbeat.requestId).toBe(requestId);

      const [eventA, eventB] = await Promise.all([onA, onB]);
      expect(eventA.heartbeat.requestId).toBe(requestId);
      expect(eventB.heartbeat).toEqual(eventA.heartbeat);
      expect(eventA.heartbeat.processedBy).toMatch(/:\d+$/);
    } finally {
      await Promise.all([clientA.dispose(), clientB.dispose()]);
    }
  });
});
