import ICAL from 'ical.js';
import request from 'supertest';
import { gql, gqlOk, registerUser, type TestUser } from '../support/graphql-http';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
const ISSUE = `mutation { issueCalendarFeed }`;
const REVOKE = `mutation { revokeCalendarFeed }`;
const PUBLIC_URL = 'https://glane.example';
const FEED_BUDGET = 20;

describe('a driver’s private calendar feed (GraphQL mutations and GET /calendar/:token.ics)', () => {
  let services: TestServices;
  let api: RunningApi;
  let admin: TestUser;
  let driver: TestUser;

  async function issue(user: TestUser): Promise<string> {
    const url = (await gqlOk<{ issueCalendarFeed: string }>(api, ISSUE, {}, user.accessToken)).issueCalendarFeed;
    expect(url.startsWith(`${PUBLIC_URL}/calendar/`)).toBe(true);
    return url.slice(PUBLIC_URL.length);
  }

  async function feedRows(): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query('SELECT count(*) AS n FROM calendar_feeds');
    return Number(rows[0]?.n);
  }

  beforeAll(async () => {
    // A small budget, so that the last test can spend it; the tests before it make fewer requests than this.
    services = await provideTestServices({ PUBLIC_URL, CALENDAR_FEED_REQUESTS_PER_ADDRESS_PER_MINUTE: String(FEED_BUDGET) });
    api = await startApi(services.config);
    [admin, driver] = await Promise.all([registerUser(api), registerUser(api)]);
    const organizationId = (
      await gqlOk<{ createOrganization: { id: string } }>(
        api,
        CREATE,
        { input: { name: 'Épicerie solidaire', kind: 'RECIPIENT', legalId: 'W332000009' } },
        admin.accessToken,
      )
    ).createOrganization.id;
    await gqlOk(api, ADD_MEMBER, { input: { organizationId, email: driver.email, role: 'DRIVER' } }, admin.accessToken);
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  it('serves an iCalendar document at the issued URL, which an independent parser reads', async () => {
    const path = await issue(driver);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const response = await request(api.httpUrl).get(path).set('accept-language', 'fr');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Glane : mes tournées');
    // Runs are not planned yet: the calendar is valid and empty.
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });

  it('stores only a hash of the secret', async () => {
    const path = await issue(driver);
    const secret = path.slice('/calendar/'.length, -'.ics'.length);
    const rows: Array<{ token_hash: string }> = await services.dataSource.query('SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [driver.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(secret);
  });

  it('revokes the previous URL when a new one is issued: 404 with a JSON coded error', async () => {
    const first = await issue(driver);
    const second = await issue(driver);
    const stale = await request(api.httpUrl).get(first).set('accept-language', 'en');
    expect(stale.status).toBe(404);
    expect(stale.headers['content-type']).toMatch(/^application\/json/);
    expect(stale.body).toEqual({ code: 'NOT_FOUND', field: 'token', message: 'What you asked for does not exist or is not available to you.' });
    expect((await request(api.httpUrl).get(second)).status).toBe(200);
  });

  it('stops answering once revoked, and revoking again says there was nothing to revoke', async () => {
    const path = await issue(driver);
    expect(await gqlOk<{ revokeCalendarFeed: boolean }>(api, REVOKE, {}, driver.accessToken)).toEqual({ revokeCalendarFeed: true });
    const revoked = await request(api.httpUrl).get(path);
    expect(revoked.status).toBe(404);
    expect(revoked.body).toMatchObject({ code: 'NOT_FOUND', field: 'token' });
    expect(await gqlOk<{ revokeCalendarFeed: boolean }>(api, REVOKE, {}, driver.accessToken)).toEqual({ revokeCalendarFeed: false });
  });

  it('answers unknown secrets and other file names like revoked ones', async () => {
    for (const path of ['/calendar/not-a-secret.ics', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/calendar/whatever.json']) {
      const response = await request(api.httpUrl).get(path);
      expect({ path, status: response.status, code: (response.body as { code?: string }).code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('counts requests per client address in Redis: past the budget even a valid secret gets 429 RATE_LIMITED', async () => {
    const path = await issue(driver);
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    for (let attempt = 0; attempt <= FEED_BUDGET && refused === undefined; attempt += 1) {
      const response = await request(api.httpUrl).get(path);
      statuses.push(response.status);
      if (response.status !== 200) refused = response;
    }
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
    expect(refused?.status).toBe(429);
    expect(refused?.body).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: expect.any(Number) as number } });
  });

  it('gives no feed to people who drive for no organisation, and writes nothing', async () => {
    const before = await feedRows();
    const body = await gql(api, ISSUE, {}, admin.accessToken);
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(['NOT_A_DRIVER']);
    expect(await feedRows()).toBe(before);
  });
});
