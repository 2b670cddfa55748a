import { DomainError, MemberRole } from '#domain';
import { hashOpaqueToken } from '../accounts/opaque-token';
import { FixedCalendarSource, InMemoryCalendarFeeds, InMemoryMemberships } from '../fleet/in-memory-fleet.fake';
import { FixedClock } from '../ports/clock.port';
import { RateLimiter, UnlimitedRateLimiter, type RateLimitedOperation } from '../ports/rate-limiter.port';
import { GetDriverCalendar } from './get-driver-calendar.query';
import { IssueCalendarFeed } from './issue-calendar-feed.use-case';
import { RevokeCalendarFeed } from './revoke-calendar-feed.use-case';

const notFound = expect.objectContaining({ code: 'NOT_FOUND', field: 'token' }) as DomainError;

describe('calendar feed secrets', () => {
  const clock = new FixedClock(new Date('2026-11-24T09:00:00Z'));
  const driver = { userId: 'driver', platformAdmin: false, emailVerified: true };
  const run = {
    uid: 'run-1@glane',
    start: new Date('2026-11-25T08:00:00Z'),
    end: new Date('2026-11-25T11:00:00Z'),
    title: 'Tournée',
    location: null,
    description: null,
    updatedAt: clock.now(),
  };
  let memberships: InMemoryMemberships;
  let feeds: InMemoryCalendarFeeds;
  let issue: IssueCalendarFeed;
  let calendar: GetDriverCalendar;

  beforeEach(() => {
    memberships = new InMemoryMemberships();
    memberships.put('epicerie', 'driver', MemberRole.DRIVER);
    memberships.put('epicerie', 'staff', MemberRole.STAFF);
    feeds = new InMemoryCalendarFeeds();
    issue = new IssueCalendarFeed(memberships, feeds, clock);
    calendar = new GetDriverCalendar(feeds, new FixedCalendarSource([run]), clock, new UnlimitedRateLimiter());
  });

  it('stores only the hash of the secret, and resolves the secret to its driver and entries', async () => {
    const { token } = await issue.execute(driver);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...feeds.hashes.values()]).toEqual([hashOpaqueToken(token)]);
    await expect(calendar.execute({ token, clientAddress: '192.0.2.1' })).resolves.toEqual({ userId: 'driver', entries: [run], generatedAt: clock.now() });
  });

  it('revokes the previous secret when a new one is issued', async () => {
    const first = await issue.execute(driver);
    const second = await issue.execute(driver);
    expect(second.token).not.toBe(first.token);
    await expect(calendar.execute({ token: first.token, clientAddress: '192.0.2.1' })).rejects.toThrow(notFound);
    await expect(calendar.execute({ token: second.token, clientAddress: '192.0.2.1' })).resolves.toMatchObject({ userId: 'driver' });
  });

  it('answers a revoked or unknown secret like a missing one', async () => {
    const { token } = await issue.execute(driver);
    const revoke = new RevokeCalendarFeed(feeds);
    await expect(revoke.execute(driver)).resolves.toBe(true);
    await expect(revoke.execute(driver)).resolves.toBe(false);
    await expect(calendar.execute({ token, clientAddress: '192.0.2.1' })).rejects.toThrow(notFound);
    await expect(calendar.execute({ token: '', clientAddress: '192.0.2.1' })).rejects.toThrow(notFound);
    await expect(calendar.execute({ token: 'x'.repeat(500), clientAddress: '192.0.2.1' })).rejects.toThrow(notFound);
  });

  it('counts every request against the client address before looking the secret up, guesses included', async () => {
    const counted: Array<[RateLimitedOperation, string]> = [];
    class RefusingAfterTwo extends RateLimiter {
      async consume(operation: RateLimitedOperation, key: string): Promise<void> {
        counted.push([operation, key]);
        if (counted.length > 2) throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: 60 });
      }
    }
    const limited = new GetDriverCalendar(feeds, new FixedCalendarSource([run]), clock, new RefusingAfterTwo());
    const { token } = await issue.execute(driver);
    await expect(limited.execute({ token: 'guess', clientAddress: '198.51.100.7' })).rejects.toThrow(notFound);
    await expect(limited.execute({ token, clientAddress: '198.51.100.7' })).resolves.toMatchObject({ userId: 'driver' });
    await expect(limited.execute({ token, clientAddress: '198.51.100.7' })).rejects.toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }) as DomainError);
    expect(counted).toEqual([1, 2, 3].map(() => ['calendarFeed', '198.51.100.7']));
  });

  it('gives a feed only to drivers', async () => {
    await expect(issue.execute({ userId: 'staff', platformAdmin: false, emailVerified: true })).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_A_DRIVER' }) as DomainError,
    );
    await expect(issue.execute(undefined)).rejects.toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as DomainError);
    expect(feeds.hashes.size).toBe(0);
  });
});
