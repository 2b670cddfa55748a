import { MemberRole } from '#domain';
import { SqlMemberEmailDirectory, SqlOfferNotificationRepository } from '#persistence';
import { TypeOrmUnitOfWork } from '../../libs/persistence/src/transactions/typeorm-unit-of-work';
import { insertMember } from '../support/factories/people.factory';
import { insertOffer, insertOrganization, insertRecipient, insertSite } from '../support/factories/matching.factory';
import { Checkpoint, waitForLockWaiters } from '../support/contention';
import { provideTestServices, type TestServices } from '../support/test-stack';

describe('the record of who was told of which offer, and where to write to them (PostgreSQL)', () => {
  let services: TestServices;
  let notices: SqlOfferNotificationRepository;
  let directory: SqlMemberEmailDirectory;
  let offerId: string;
  let recipients: string[];

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    notices = new SqlOfferNotificationRepository(ds);
    directory = new SqlMemberEmailDirectory(ds);
    const donor = await insertOrganization(ds, 'DONOR');
    const site = await insertSite(ds, donor, { latitude: 45.75, longitude: 4.85 });
    ({ offerId } = await insertOffer(ds, {
      donorOrganizationId: donor,
      siteId: site,
      latitude: 45.75,
      longitude: 4.85,
      pickupFrom: new Date(Date.now() + 3600_000),
      pickupUntil: new Date(Date.now() + 7200_000),
      items: [{ category: 'FOOD.DRY', kg: 10 }],
    }));
    recipients = [];
    for (let i = 0; i < 3; i++) recipients.push((await insertRecipient(ds, { latitude: 45.76, longitude: 4.85 })).organizationId);
  });

  afterAll(async () => {
    await services?.release();
  });

  /** A fresh offer nobody was told of yet. */
  async function anotherOffer(): Promise<string> {
    const ds = services.dataSource;
    const donor = await insertOrganization(ds, 'DONOR');
    const site = await insertSite(ds, donor, { latitude: 45.75, longitude: 4.85 });
    const { offerId: id } = await insertOffer(ds, {
      donorOrganizationId: donor,
      siteId: site,
      latitude: 45.75,
      longitude: 4.85,
      pickupFrom: new Date(Date.now() + 3600_000),
      pickupUntil: new Date(Date.now() + 7200_000),
      items: [{ category: 'FOOD.DRY', kg: 10 }],
    });
    return id;
  }

  it('records each recipient once: a second try or another circle returns only those not told before', async () => {
    const [a, b, c] = recipients as [string, string, string];
    expect(
      await notices.record(offerId, 1, [
        { recipientOrganizationId: a, rank: 1, score: 0.9 },
        { recipientOrganizationId: b, rank: 2, score: 0.8 },
      ]),
    ).toEqual([a, b]);
    expect(await notices.record(offerId, 1, [{ recipientOrganizationId: a, rank: 1, score: 0.9 }])).toEqual([]);
    expect(
      await notices.record(offerId, 3, [
        { recipientOrganizationId: c, rank: 3, score: 0.7 },
        { recipientOrganizationId: b, rank: 2, score: 0.8 },
      ]),
    ).toEqual([c]);
    expect(await notices.notifiedRecipientIds(offerId)).toEqual(new Set([a, b, c]));
    expect(await notices.find(offerId, b)).toMatchObject({ circle: 1, rank: 2, score: 0.8, emailSentAt: null });
    expect(await notices.find(offerId, c)).toMatchObject({ circle: 3 });
  });

  it('marks an e-mail sent once', async () => {
    const [a] = recipients as [string];
    const at = new Date('2026-11-22T10:00:00Z');
    expect(await notices.markEmailSent(offerId, a, at)).toBe(true);
    expect(await notices.markEmailSent(offerId, a, new Date())).toBe(false);
    expect((await notices.find(offerId, a))?.emailSentAt).toEqual(at);
    expect(await notices.find(offerId, 'not-a-uuid')).toBeUndefined();
  });

  it('tells each recipient once when circles record overlapping recipients at the same moment', async () => {
    const ds = services.dataSource;
    const unitOfWork = new TypeOrmUnitOfWork(ds);
    const offer = await anotherOffer();
    const [a, b, c] = recipients as [string, string, string];
    const notice = (id: string, rank: number) => ({ recipientOrganizationId: id, rank, score: 1 / rank });
    // The first writer records a and b and keeps its transaction open until both others are seen
    // waiting on its rows: the second records b and c, the third a and c.
    const hold = new Checkpoint();
    const first = unitOfWork.run(async () => {
      const told = await notices.record(offer, 1, [notice(a, 1), notice(b, 2)]);
      await hold.pass();
      return told;
    });
    await hold.reached;
    const second = unitOfWork.run(() => notices.record(offer, 2, [notice(b, 2), notice(c, 3)]));
    const third = unitOfWork.run(() => notices.record(offer, 3, [notice(a, 1), notice(c, 3)]));
    await waitForLockWaiters(ds, 2, 'the two later circles');
    hold.release();
    const told = await Promise.all([first, second, third]);

    // Exactly once each: the first told a and b, c went to whichever of the others inserted it first.
    expect(told[0]).toEqual([a, b]);
    expect([...told[1], ...told[2]]).toEqual([c]);
    expect(await notices.notifiedRecipientIds(offer)).toEqual(new Set([a, b, c]));
  });

  it('marks an e-mail sent once when several senders mark it at the same moment', async () => {
    const ds = services.dataSource;
    const unitOfWork = new TypeOrmUnitOfWork(ds);
    const offer = await anotherOffer();
    const [a] = recipients as [string];
    await notices.record(offer, 1, [{ recipientOrganizationId: a, rank: 1, score: 1 }]);
    const hold = new Checkpoint();
    const first = unitOfWork.run(async () => {
      const marked = await notices.markEmailSent(offer, a, new Date('2026-11-22T10:00:00Z'));
      await hold.pass();
      return marked;
    });
    await hold.reached;
    const others = [1, 2, 3].map((minute) => unitOfWork.run(() => notices.markEmailSent(offer, a, new Date(`2026-11-22T10:0${minute}:00Z`))));
    await waitForLockWaiters(ds, others.length, 'the later senders');
    hold.release();

    expect(await Promise.all([first, ...others])).toEqual([true, false, false, false]);
    expect((await notices.find(offer, a))?.emailSentAt).toEqual(new Date('2026-11-22T10:00:00Z'));
  });

  it('gives the addresses of the admins and staff only, sorted and distinct', async () => {
    const [a] = recipients as [string];
    await insertMember(services.dataSource, a, MemberRole.STAFF, 'zoe@asso.example');
    await insertMember(services.dataSource, a, MemberRole.ADMIN, 'anne@asso.example');
    await insertMember(services.dataSource, a, MemberRole.DRIVER, 'driver@asso.example');
    expect(await directory.emailsOf(a, [MemberRole.ADMIN, MemberRole.STAFF])).toEqual(['anne@asso.example', 'zoe@asso.example']);
    expect(await directory.emailsOf(a, [])).toEqual([]);
  });
});
