import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainError, Offer, OfferStatus, TemperatureClass } from '#domain';
import { Authorizer, CreateOffer, FixedClock } from '#application';
import {
  SqlDomainEventWriter,
  TypeOrmClaimRepository,
  TypeOrmJobOutbox,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmOrganizationRepository,
  TypeOrmSiteRepository,
  TypeOrmUnitOfWork,
} from '#persistence';
import { anItem, HOUR_MS, insertDonor } from '../support/factories/offers.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

/** A unit of work that sends its writes at commit (what a claim does): all of them, in order, or none. */
describe('writes sent together at commit, against the real PostgreSQL', () => {
  let services: TestServices;
  let unitOfWork: TypeOrmUnitOfWork;
  let outbox: TypeOrmJobOutbox;
  let offers: TypeOrmOfferRepository;

  beforeAll(async () => {
    services = await provideTestServices();
    unitOfWork = new TypeOrmUnitOfWork(services.dataSource);
    outbox = new TypeOrmJobOutbox(services.dataSource);
    offers = new TypeOrmOfferRepository(services.dataSource);
  });

  afterAll(async () => {
    await services?.release();
  });

  const heartbeat = (requestId: string) => ({ requestId, requestedAt: '2026-12-03T10:00:00.000Z' });

  const heartbeatsOf = async (prefix: string): Promise<string[]> =>
    (
      await services.dataSource.query<Array<{ request_id: string }>>(
        "SELECT payload->>'requestId' AS request_id FROM outbox_jobs WHERE payload->>'requestId' LIKE $1 ORDER BY id",
        [`${prefix}%`],
      )
    ).map((row) => row.request_id);

  async function publishedOffer(): Promise<Offer> {
    const donor = await insertDonor(services.dataSource);
    const ds = services.dataSource;
    const clock = new FixedClock(new Date());
    const createOffer = new CreateOffer(
      offers,
      new TypeOrmSiteRepository(ds),
      new TypeOrmOrganizationRepository(ds),
      new Authorizer(new TypeOrmMembershipRepository(ds)),
      unitOfWork,
      clock,
    );
    const now = clock.now();
    const created = await createOffer.execute({
      actor: { userId: donor.userId, platformAdmin: false, emailVerified: true },
      siteId: donor.site.id,
      title: 'Invendus du jour',
      items: [anItem()],
      pickupFrom: now,
      pickupUntil: new Date(now.getTime() + 4 * HOUR_MS),
    });
    const offer = Offer.restore(created.offer.toSnapshot());
    offer.publish(now);
    await offers.update(offer, created.version);
    return offer;
  }

  it('holds the writes until the work is done, then writes them all, in the order they were made', async () => {
    const prefix = `ordered-${randomUUID()}-`;
    const seenDuringWork = await unitOfWork.run(
      async () => {
        for (const step of ['a', 'b', 'c']) await outbox.add('system.heartbeat', heartbeat(`${prefix}${step}`));
        return heartbeatsOf(prefix);
      },
      { writesAtCommit: true },
    );
    expect(seenDuringWork).toEqual([]);
    expect(await heartbeatsOf(prefix)).toEqual([`${prefix}a`, `${prefix}b`, `${prefix}c`]);
  });

  it.each([
    ['in a transaction, writes sent at commit', { writesAtCommit: true }],
    ['optimistic work, no transaction around the batch', { optimistic: true }],
  ])('writes nothing when one write does not do what it must (a stale offer version): the whole batch is refused (%s)', async (_, options) => {
    const offer = await publishedOffer();
    const prefix = `refused-${randomUUID()}-`;
    const stale = Offer.restore(offer.toSnapshot());
    stale.withdraw('plus disponible', new Date());

    const refusal = await unitOfWork
      .run(async () => {
        await outbox.add('system.heartbeat', heartbeat(`${prefix}before`));
        await offers.update(stale, 41);
        await outbox.add('system.heartbeat', heartbeat(`${prefix}after`));
      }, options)
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'CONFLICT' });
    expect(await heartbeatsOf(prefix)).toEqual([]);
    expect((await offers.findById(offer.id))?.offer.status).toBe(OfferStatus.PUBLISHED);
  });

  it('applies an offer update and what its triggers keep (what is left on the offer row) within the batch', async () => {
    const offer = await publishedOffer();
    const stored = await offers.findById(offer.id);
    if (stored === undefined) throw new Error('offer not stored');
    const changed = Offer.restore(stored.offer.toSnapshot());
    changed.withdraw('plus disponible', new Date());
    const prefix = `applied-${randomUUID()}-`;

    const version = await unitOfWork.run(
      async () => {
        const next = await offers.update(changed, stored.version);
        await outbox.add('system.heartbeat', heartbeat(`${prefix}after`));
        return next;
      },
      { writesAtCommit: true },
    );

    expect(version).toBe(stored.version + 1);
    const reread = await offers.findById(offer.id);
    expect(reread).toMatchObject({ version: stored.version + 1 });
    expect(reread?.offer.status).toBe(OfferStatus.WITHDRAWN);
    expect(await heartbeatsOf(prefix)).toEqual([`${prefix}after`]);
  });

  describe('optimistic work: no transaction, the writes sent as one statement the database checks', () => {
    it('refuses the whole batch with a guard’s own error when the guard finds no row (storage that cannot take the kilos)', async () => {
      const claims = new TypeOrmClaimRepository(services.dataSource, new SqlDomainEventWriter(services.dataSource));
      const prefix = `optimistic-guard-${randomUUID()}-`;
      const noRoom = new Error('no room');
      const request = (wantedKg: number) => ({
        recipientOrganizationId: randomUUID(),
        day: '2026-12-03',
        wantedKg: new Map([[TemperatureClass.CHILLED, wantedKg]]),
        declaredKg: { AMBIENT: 0, CHILLED: 5, FROZEN: 0 },
      });
      const run = (wantedKg: number, tag: string) =>
        unitOfWork.run(
          async () => {
            await outbox.add('system.heartbeat', heartbeat(`${prefix}${tag}-before`));
            await claims.guardCapacity(request(wantedKg), () => noRoom);
            await outbox.add('system.heartbeat', heartbeat(`${prefix}${tag}-after`));
          },
          { optimistic: true },
        );

      await expect(run(6, 'over')).rejects.toBe(noRoom);
      await run(5, 'fits');

      expect(await heartbeatsOf(prefix)).toEqual([`${prefix}fits-before`, `${prefix}fits-after`]);
    });

    it('gives a refused batch’s connection back to the pool, with the statements it prepared (the pool keeps its size)', async () => {
      const pool = (services.dataSource.driver as unknown as { master: { totalCount: number } }).master;
      const offer = await publishedOffer();
      const stale = Offer.restore(offer.toSnapshot());
      stale.withdraw('plus disponible', new Date());
      const before = pool.totalCount;

      for (let attempt = 0; attempt < 3; attempt += 1) {
        await expect(unitOfWork.run(() => offers.update(stale, 41), { optimistic: true })).rejects.toMatchObject({ code: 'CONFLICT' });
      }

      expect(before).toBeGreaterThan(0);
      expect(pool.totalCount).toBe(before);
    });

    it('reads without taking locks: a row another transaction holds locked does not hold the work up', async () => {
      const offer = await publishedOffer();
      const locker = services.dataSource.createQueryRunner();
      await locker.connect();
      await locker.startTransaction();
      try {
        await locker.query('SELECT 1 FROM offers WHERE id = $1 FOR UPDATE', [offer.id]);
        const read = await unitOfWork.run(() => offers.findById(offer.id, { forUpdate: true }), { optimistic: true });
        expect(read?.offer.id).toBe(offer.id);
      } finally {
        await locker.rollbackTransaction();
        await locker.release();
      }
    });
  });

  it('sends the reads a transaction’s work makes side by side one after the other on its connection, each with its answer', async () => {
    const offer = await publishedOffer();
    const inFlight = new Map<Client, number>();
    let most = 0;
    const send = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: Parameters<Client['query']>) {
      const count = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, count);
      most = Math.max(most, count);
      const answer = (send as (...sent: unknown[]) => unknown).apply(this, args);
      void Promise.resolve(answer)
        .catch(() => undefined)
        .finally(() => inFlight.set(this, (inFlight.get(this) ?? 1) - 1));
      return answer as ReturnType<Client['query']>;
    });
    try {
      const reads = await unitOfWork.run(() => Promise.all([1, 2, 3, 4].map(() => offers.findById(offer.id))));
      expect(reads.map((read) => read?.offer.id)).toEqual([offer.id, offer.id, offer.id, offer.id]);
    } finally {
      spy.mockRestore();
    }
    expect(most).toBe(1);
  });
});
