import request from 'supertest';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

describe('bad GraphQL requests get coded errors, never a 500 or a stack trace', () => {
  let services: TestServices;
  let api: RunningApi;
  let production: RunningApi;

  beforeAll(async () => {
    services = await provideTestServices({ GRAPHQL_MAX_BODY_BYTES: '4096' });
    api = await startApi(services.config);
    // Production hides schema details; the rest of its config is the test's.
    production = await startApi({ ...services.config, nodeEnv: 'production', graphql: { ...services.config.graphql, introspection: false } });
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), production?.app.close()]);
    await services?.release();
  });

  const post = (target: RunningApi, body: unknown) =>
    request(target.httpUrl)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(body as object);

  it('malformed GraphQL: GRAPHQL_PARSE_FAILED', async () => {
    const response = await post(api, { query: '{ ping ' });
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('unknown field: GRAPHQL_VALIDATION_FAILED, with a suggestion in development', async () => {
    const response = await post(api, { query: '{ pingg }' });
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors[0].message).toContain('Did you mean');
  });

  it('unknown field in production: the same code, no field suggestions, no introspection', async () => {
    const unknown = await post(production, { query: '{ pingg }' });
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.body.errors[0].message).not.toContain('Did you mean');
    const introspection = await post(production, { query: '{ __schema { types { name } } }' });
    expect(introspection.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a variable of the wrong type: BAD_USER_INPUT', async () => {
    const response = await post(api, { query: 'mutation ($id: ID) { sendHeartbeat(requestId: $id) { requestId } }', variables: { id: { not: 'an id' } } });
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a document with too many aliases is refused with a code', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `p${i}: ping`).join(' ');
    const response = await post(api, { query: `{ ${aliases} }` });
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a body that is not JSON: BAD_REQUEST', async () => {
    const response = await request(api.httpUrl).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('an oversized body is refused with 413 and PAYLOAD_TOO_LARGE, before any parsing', async () => {
    const response = await post(api, { query: `{ ping } # ${'x'.repeat(8000)}` });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never leaks stack traces in any error', async () => {
    const responses = await Promise.all([post(api, { query: '{ ping ' }), post(api, { query: '{ pingg }' }), post(production, { query: '{ nope }' })]);
    for (const response of responses) {
      expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|at \w+ \(|node_modules/);
    }
  });
});
