import request from 'supertest';
import { uniqueEmail, TEST_PASSWORD } from '../support/graphql-http';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { user { id } } }`;

describe('the HTTP layer (Fastify): what a client and a proxy see around GraphQL', () => {
  let services: TestServices;
  let api: RunningApi;
  let behindProxy: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices({ REGISTRATIONS_PER_ADDRESS_PER_HOUR: '2' });
    api = await startApi(services.config);
    behindProxy = await startApi({ ...services.config, trustProxyHops: 1 });
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), behindProxy?.app.close()]);
    await services?.release();
  });

  it('answers GraphQL without an ETag or an X-Powered-By header', async () => {
    const response = await request(api.httpUrl).post('/graphql').send({ query: '{ ping }' }).expect(200);
    expect(response.body).toEqual({ data: { ping: 'pong' } });
    expect(response.headers['etag']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a POST a browser form could send cross-site (CSRF prevention), without running it', async () => {
    const response = await request(api.httpUrl).post('/graphql').set('content-type', 'text/plain').send('{"query":"{ ping }"}');
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(JSON.stringify(response.body)).toContain('CSRF');
  });

  it('refuses a GET query without a preflight header, and runs it with one', async () => {
    const simple = await request(api.httpUrl).get('/graphql').query({ query: '{ ping }' });
    expect(simple.status).toBe(400);
    expect(JSON.stringify(simple.body)).toContain('CSRF');
    const preflighted = await request(api.httpUrl).get('/graphql').query({ query: '{ ping }' }).set('apollo-require-preflight', 'true').expect(200);
    expect(preflighted.body).toEqual({ data: { ping: 'pong' } });
  });

  it('answers an unsupported content type with a coded GraphQL error and its status', async () => {
    const response = await request(api.httpUrl).post('/graphql').set('content-type', 'application/xml').send('<query/>');
    expect(response.status).toBe(415);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  const registerFrom = (target: RunningApi, forwardedFor: string) =>
    request(target.httpUrl)
      .post('/graphql')
      .set('x-forwarded-for', forwardedFor)
      .send({ query: REGISTER, variables: { input: { email: uniqueEmail('proxy'), password: TEST_PASSWORD, displayName: 'Léa Martin' } } });

  it('behind TRUST_PROXY_HOPS=1, counts registrations per forwarded client address', async () => {
    for (let i = 0; i < 2; i += 1) expect((await registerFrom(behindProxy, '203.0.113.7')).body.errors).toBeUndefined();
    const third = await registerFrom(behindProxy, '203.0.113.7');
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const other = await registerFrom(behindProxy, '203.0.113.8');
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data.register.user.id).toEqual(expect.any(String));
  });

  it('with no trusted proxy, ignores X-Forwarded-For: the socket address is the client', async () => {
    // The proxied instance above counted the forwarded addresses; here every forged one counts against 127.0.0.1.
    for (let i = 0; i < 2; i += 1) expect((await registerFrom(api, `198.51.100.${i + 1}`)).body.errors).toBeUndefined();
    const third = await registerFrom(api, '198.51.100.99');
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
