import { randomUUID } from 'node:crypto';
import { Authorizer, FixedClock, CreateOffer, ExpireDueOffers, ListOffers, OfferVisibilityPolicy, WithdrawOffer } from '#application';
import { addCalendarDays, ClaimStatus, DateKind, DomainError, MemberRole, Offer, OfferStatus, OrganizationKind, parisDayOf, TemperatureClass } from '#domain';
import {
  SqlDomainEventWriter,
  TypeOrmClaimRepository,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmOrganizationRepository,
  TypeOrmPickupRepository,
  TypeOrmSiteRepository,
} from '#persistence';
import { TypeOrmUnitOfWork } from '../../libs/persistence/src/transactions/typeorm-unit-of-work';
import { anItem, HOUR_MS, insertDonor, insertRecipientProfile, type DonorFixture } from '../support/factories/offers.factory';
import { insertUser } from '../support/factories/people.factory';
import { Checkpoint, settle, waitForLockWaiters } from '../support/contention';
import { provideTestServices, type TestServices } from '../support/test-stack';

describe('offers against the real PostgreSQL/PostGIS: repository, creation, withdrawal, expiry', () => {
  let services: TestServices;
  let offers: TypeOrmOfferRepository;
  let clock: FixedClock;
  let claims: TypeOrmClaimRepository;
  let createOffer: CreateOffer;
  let withdrawOffer: WithdrawOffer;
  let expireDueOffers: ExpireDueOffers;
  let listOffers: ListOffers;
  let donor: DonorFixture;

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    offers = new TypeOrmOfferRepository(ds);
    clock = new FixedClock(new Date());
    claims = new TypeOrmClaimRepository(ds, new SqlDomainEventWriter(ds));
    const memberships = new TypeOrmMembershipRepository(ds);
    const authorizer = new Authorizer(memberships);
    const unitOfWork = new TypeOrmUnitOfWork(ds);
    createOffer = new CreateOffer(offers, new TypeOrmSiteRepository(ds), new TypeOrmOrganizationRepository(ds), authorizer, unitOfWork, clock);
    withdrawOffer = new WithdrawOffer(offers, authorizer, unitOfWork, claims, new TypeOrmPickupRepository(ds), clock);
    expireDueOffers = new ExpireDueOffers(offers, claims, unitOfWork, clock);
    listOffers = new ListOffers(offers, new OfferVisibilityPolicy(memberships));
    donor = await insertDonor(ds);
  });

  afterAll(async () => {
    await services?.release();
  });

  /** The live notices written to the outbox (with the change, for after commit) for these offers. */
  const changeNotices = async (offerIds: readonly string[]): Promise<string[]> =>
    (
      await services.dataSource.query<Array<{ offer_id: string }>>(
        "SELECT payload->>'offerId' AS offer_id FROM outbox_jobs WHERE name = 'offers.changed-notice' AND payload->>'offerId' = ANY($1) ORDER BY id",
        [offerIds],
      )
    ).map((row) => row.offer_id);

  beforeEach(() => {
    clock.current = new Date();
  });

  const actor = (userId: string) => ({ userId, platformAdmin: false, emailVerified: true });

  async function count(table: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  }

  async function rejection(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
    return error;
  }

  /** A published offer of `donor` whose window ends `hours` from the clock. */
  async function publishedOffer(hours = 4, items = [anItem()]): Promise<string> {
    const now = clock.now();
    const created = await createOffer.execute({
      actor: actor(donor.userId),
      siteId: donor.site.id,
      title: 'Invendus du jour',
      items,
      pickupFrom: now,
      pickupUntil: new Date(now.getTime() + hours * HOUR_MS),
    });
    const offer = Offer.restore(created.offer.toSnapshot());
    offer.publish(now);
    await offers.update(offer, created.version);
    return offer.id;
  }

  it('stores an offer with its items in order, the site location copied, and reads back the same aggregate', async () => {
    const dlc = addCalendarDays(parisDayOf(clock.now()), 5);
    const created = await createOffer.execute({
      actor: actor(donor.userId),
      siteId: donor.site.id,
      title: '  Yaourts et pain  ',
      items: [
        anItem({
          category: 'FOOD.DAIRY.YOGURT',
          quantityKg: 10.125,
          temperature: TemperatureClass.CHILLED,
          dateKind: DateKind.DLC,
          date: dlc,
          allergens: ['MILK'],
          gtin: '4006381333931',
          lotNumber: 'L42',
          unitCostCents: 150,
        }),
        anItem({ category: 'FOOD.BAKERY.BREAD', quantityKg: 3 }),
      ],
      pickupFrom: new Date(clock.now().getTime() + HOUR_MS),
      pickupUntil: new Date(clock.now().getTime() + 5 * HOUR_MS),
    });
    expect(created.version).toBe(1);

    const stored = await offers.findById(created.offer.id);
    expect(stored?.version).toBe(1);
    expect(stored?.offer.toSnapshot()).toEqual(created.offer.toSnapshot());
    expect(stored?.offer.title).toBe('Yaourts et pain');
    expect(stored?.offer.status).toBe(OfferStatus.DRAFT);
    expect(stored?.offer.totalKg).toBe(13.125);
    expect(stored?.offer.items.map((item) => item.category)).toEqual(['FOOD.DAIRY.YOGURT', 'FOOD.BAKERY.BREAD']);
    expect(stored?.offer.items[0]).toMatchObject({ date: dlc, allergens: ['MILK'], gtin: '4006381333931', quantityKg: 10.125, remainingKg: 10.125 });
    expect(stored?.location).toEqual(donor.site.location);
    const [row] = await services.dataSource.query<Array<Record<string, string>>>('SELECT total_kg, remaining_kg, created_by FROM offers WHERE id = $1', [
      created.offer.id,
    ]);
    expect(row).toEqual({ total_kg: '13.125', remaining_kg: '13.125', created_by: donor.userId });
  });

  it("refuses bad input and writes nothing: another organisation's site, a recipient's site, a past DLC", async () => {
    const before = await count('offers');
    const itemsBefore = await count('offer_items');
    const stranger = await insertUser(services.dataSource, 'stranger');
    const base = { title: 'Lot', items: [anItem()], pickupFrom: clock.now(), pickupUntil: new Date(clock.now().getTime() + HOUR_MS) };

    expect(await rejection(createOffer.execute({ ...base, actor: actor(stranger), siteId: donor.site.id }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'siteId',
    });
    expect(await rejection(createOffer.execute({ ...base, actor: actor(donor.userId), siteId: randomUUID() }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'siteId',
    });
    const recipient = await insertDonor(services.dataSource, { kind: OrganizationKind.RECIPIENT, role: MemberRole.ADMIN });
    expect(await rejection(createOffer.execute({ ...base, actor: actor(recipient.userId), siteId: recipient.site.id }))).toMatchObject({
      code: 'NOT_A_DONOR',
      field: 'siteId',
    });
    const driver = await insertDonor(services.dataSource, { role: MemberRole.DRIVER });
    expect(await rejection(createOffer.execute({ ...base, actor: actor(driver.userId), siteId: driver.site.id }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'siteId',
    });
    const yesterday = addCalendarDays(parisDayOf(clock.now()), -1);
    const pastDlc = anItem({ dateKind: DateKind.DLC, date: yesterday, temperature: TemperatureClass.CHILLED });
    expect(await rejection(createOffer.execute({ ...base, actor: actor(donor.userId), siteId: donor.site.id, items: [anItem(), pastDlc] }))).toMatchObject({
      code: 'DLC_EXPIRED',
      field: 'items.1.date',
    });
    expect(await count('offers')).toBe(before);
    expect(await count('offer_items')).toBe(itemsBefore);
  });

  it("refuses an update based on a stale version with CONFLICT and keeps the winner's write", async () => {
    const id = await publishedOffer();
    const first = await offers.findById(id);
    const second = await offers.findById(id);
    if (first === undefined || second === undefined) throw new Error('offer not found');
    const a = Offer.restore(first.offer.toSnapshot());
    a.withdraw('Stock vendu en magasin', clock.now());
    const b = Offer.restore(second.offer.toSnapshot());
    b.claim([{ itemId: b.items[0]?.id ?? '', quantityKg: 2 }], { now: clock.now(), dlcMarginHours: 48 });

    expect(await offers.update(a, first.version)).toBe(first.version + 1);
    expect(await rejection(offers.update(b, second.version))).toMatchObject({ code: 'CONFLICT' });
    const stored = await offers.findById(id);
    expect(stored?.offer.status).toBe(OfferStatus.WITHDRAWN);
    expect(stored?.offer.remainingKg).toBe(12.5);
  });

  it('writes what remains of each item and in total, as numbers', async () => {
    const id = await publishedOffer(4, [anItem({ quantityKg: 10 }), anItem({ quantityKg: 2.5 })]);
    const stored = await offers.findById(id);
    if (stored === undefined) throw new Error('offer not found');
    const offer = Offer.restore(stored.offer.toSnapshot());
    offer.claim([{ itemId: offer.items[0]?.id ?? '', quantityKg: 3.25 }], { now: clock.now(), dlcMarginHours: 48 });
    await offers.update(offer, stored.version);
    const reread = await offers.findById(id);
    expect(reread?.offer.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
    expect(reread?.offer.items.map((item) => item.remainingKg)).toEqual([6.75, 2.5]);
    expect(reread?.offer.remainingKg).toBe(9.25);
    expect(reread?.version).toBe(stored.version + 1);
  });

  it('reads an offer it had to wait to lock as the transaction it waited for left it: its items too, not only its row', async () => {
    const id = await publishedOffer(4, [anItem({ quantityKg: 10 })]);
    const ds = services.dataSource;
    const unitOfWork = new TypeOrmUnitOfWork(ds);
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      // Another claim's transaction: the offer locked, one of its items changed, not committed yet.
      await holder.query('SELECT 1 FROM offers WHERE id = $1 FOR UPDATE', [id]);
      await holder.query('UPDATE offer_items SET remaining_kg = 4 WHERE offer_id = $1', [id]);
      await holder.query('UPDATE offers SET remaining_kg = 4, version = version + 1 WHERE id = $1', [id]);
      const locked = settle(unitOfWork.run(() => offers.findById(id, { forUpdate: true })));
      await waitForLockWaiters(ds, 1, 'the locked read behind the other transaction');
      await holder.commitTransaction();
      const read = await locked;
      if (read.status === 'rejected') throw read.reason;
      expect(read.value?.offer.items.map((item) => item.remainingKg)).toEqual([4]);
      expect(read.value?.offer.remainingKg).toBe(4);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('withdraws with a reason, cancels the confirmed claims, and refuses a collected offer with the field', async () => {
    const id = await publishedOffer();
    const recipientId = await insertRecipientProfile(services.dataSource, 48);
    const stored = await offers.findById(id);
    if (stored === undefined) throw new Error('offer not found');
    const item = stored.offer.items[0];
    if (item === undefined) throw new Error('no item');
    const claimId = randomUUID();
    await services.dataSource.query(
      `INSERT INTO claims (id, offer_id, recipient_organization_id, status, pickup_day, total_kg, idempotency_key) VALUES ($1, $2, $3, 'CONFIRMED', $4, 2, 'k1')`,
      [claimId, id, recipientId, parisDayOf(clock.now())],
    );
    await services.dataSource.query(`INSERT INTO claim_lines (claim_id, offer_item_id, quantity_kg, temperature) VALUES ($1, $2, 2, 'AMBIENT')`, [
      claimId,
      item.id,
    ]);

    expect(await rejection(withdrawOffer.execute({ actor: actor(donor.userId), offerId: id, reason: '   ' }))).toMatchObject({
      code: 'WITHDRAW_REASON_REQUIRED',
      field: 'reason',
    });
    const stranger = await insertUser(services.dataSource, 'stranger');
    expect(await rejection(withdrawOffer.execute({ actor: actor(stranger), offerId: id, reason: 'Vendu' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(withdrawOffer.execute({ actor: actor(donor.userId), offerId: randomUUID(), reason: 'Vendu' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });

    const noticesBefore = (await changeNotices([id])).length;
    const withdrawn = await withdrawOffer.execute({ actor: actor(donor.userId), offerId: id, reason: 'Vendu en magasin' });
    expect(withdrawn.offer.status).toBe(OfferStatus.WITHDRAWN);
    // The withdrawal and the claim it cancelled: each tells subscribers once committed.
    expect((await changeNotices([id])).length - noticesBefore).toBe(2);
    expect(await claims.ofOffers([id])).toEqual([
      expect.objectContaining({ id: claimId, status: 'CANCELLED', totalKg: 2, lines: [{ itemId: item.id, quantityKg: 2, temperature: 'AMBIENT' }] }),
    ]);

    const collectedId = await publishedOffer();
    const published = await offers.findById(collectedId);
    if (published === undefined) throw new Error('offer not found');
    const collected = Offer.restore(published.offer.toSnapshot());
    collected.claim([{ itemId: collected.items[0]?.id ?? '', quantityKg: 12.5 }], { now: clock.now(), dlcMarginHours: 48 });
    collected.followClaims([{ status: ClaimStatus.COLLECTED, collected: true }], clock.now());
    await offers.update(collected, published.version);
    expect(await rejection(withdrawOffer.execute({ actor: actor(donor.userId), offerId: collectedId, reason: 'Trop tard' }))).toMatchObject({
      code: 'ILLEGAL_OFFER_TRANSITION',
      field: 'id',
    });
    expect((await offers.findById(collectedId))?.offer.status).toBe(OfferStatus.COLLECTED);
  });

  it('expires, in one sweep, the offers whose window is over and those whose DLC leaves no recipient its margin; a second sweep does nothing', async () => {
    await insertRecipientProfile(services.dataSource, 24);
    const windowOver = await publishedOffer(2);
    const stillOpen = await publishedOffer(30);
    const today = parisDayOf(clock.now());
    // Its DLC is tomorrow: with the window ending in 30 h, not even a 24 h margin is left at pickup end.
    const dlcTooShort = await publishedOffer(30, [anItem({ dateKind: DateKind.DLC, date: addCalendarDays(today, 1), temperature: TemperatureClass.CHILLED })]);
    // A DLC a week away leaves every margin: it stays.
    const dlcFine = await publishedOffer(30, [anItem({ dateKind: DateKind.DLC, date: addCalendarDays(today, 7), temperature: TemperatureClass.CHILLED })]);
    const draftId = (
      await createOffer.execute({
        actor: actor(donor.userId),
        siteId: donor.site.id,
        title: 'Brouillon',
        items: [anItem()],
        pickupFrom: clock.now(),
        pickupUntil: new Date(clock.now().getTime() + HOUR_MS),
      })
    ).offer.id;

    clock.current = new Date(clock.now().getTime() + 3 * HOUR_MS);
    const noticesBefore = await changeNotices([windowOver, dlcTooShort, stillOpen]);
    const report = await expireDueOffers.execute();
    expect(report.expired).toBeGreaterThanOrEqual(2);

    const status = async (id: string) => (await offers.findById(id))?.offer;
    expect((await status(windowOver))?.status).toBe(OfferStatus.EXPIRED);
    expect((await status(windowOver))?.expiryReason).toBe('WINDOW_OVER');
    expect((await status(dlcTooShort))?.status).toBe(OfferStatus.EXPIRED);
    expect((await status(dlcTooShort))?.expiryReason).toBe('NO_DLC_MARGIN_LEFT');
    expect((await status(stillOpen))?.status).toBe(OfferStatus.PUBLISHED);
    expect((await status(dlcFine))?.status).toBe(OfferStatus.PUBLISHED);
    // A draft is not offered to anyone: only its donor can publish or withdraw it.
    expect((await status(draftId))?.status).toBe(OfferStatus.DRAFT);
    expect((await changeNotices([windowOver, dlcTooShort, stillOpen])).slice(noticesBefore.length).sort()).toEqual([windowOver, dlcTooShort].sort());

    expect(await expireDueOffers.execute()).toEqual({ expired: 0, conflicts: 0 });
  });

  it('settles a withdrawal racing the expiry sweep on the same offer with exactly one winner, whichever commits first', async () => {
    const ds = services.dataSource;
    const ids = await Promise.all(Array.from({ length: 6 }, () => publishedOffer(1)));
    clock.current = new Date(clock.now().getTime() + 2 * HOUR_MS);
    // The order the sweep will take them in (and nothing else is due: the count below is exact).
    const order = await offers.findExpiryCandidates(clock.now(), (await offers.smallestRecipientDlcMarginHours()) ?? 0, 100);
    expect([...order].sort()).toEqual([...ids].sort());

    // Alternate who commits first, so both outcomes happen on real versions and row locks:
    // - withdrawal first: the sweep has read version 2 (no lock), the withdrawal commits version 3, the sweep's write conflicts;
    // - sweep first: the sweep has written (row locked, not committed), the withdrawal is seen waiting for that lock,
    //   then reads EXPIRED and is refused.
    const withdrawalFirst = new Set(order.filter((_, index) => index % 2 === 0));
    const afterRead = new Map(order.filter((id) => withdrawalFirst.has(id)).map((id) => [id, new Checkpoint()]));
    const afterWrite = new Map(order.filter((id) => !withdrawalFirst.has(id)).map((id) => [id, new Checkpoint()]));
    class GatedOfferRepository extends TypeOrmOfferRepository {
      override async findById(id: string, options?: { readonly forUpdate?: boolean }) {
        const found = await super.findById(id, options);
        await afterRead.get(id)?.pass();
        return found;
      }
      override async update(offer: Offer, expectedVersion: number): Promise<number> {
        const version = await super.update(offer, expectedVersion);
        await afterWrite.get(offer.id)?.pass();
        return version;
      }
    }
    const noticesBefore = (await changeNotices(ids)).length;
    const sweep = new ExpireDueOffers(new GatedOfferRepository(ds), claims, new TypeOrmUnitOfWork(ds), clock).execute();

    const withdraw = (offerId: string) => settle(withdrawOffer.execute({ actor: actor(donor.userId), offerId, reason: 'Repris par le magasin' }));
    const outcomes = new Map<string, PromiseSettledResult<unknown>>();
    for (const id of order) {
      const read = afterRead.get(id);
      const written = afterWrite.get(id);
      if (read !== undefined) {
        await read.reached;
        outcomes.set(id, await withdraw(id));
        read.release();
      } else if (written !== undefined) {
        await written.reached;
        const pending = withdraw(id);
        await waitForLockWaiters(ds, 1, 'the withdrawal behind the sweep');
        written.release();
        outcomes.set(id, await pending);
      }
    }
    const report = await sweep;

    // Exactly one winner per offer, and the sweep's counts add up to the offers it lost and won.
    expect(report).toEqual({ expired: ids.length - withdrawalFirst.size, conflicts: withdrawalFirst.size });
    for (const id of ids) {
      const stored = await offers.findById(id);
      const outcome = outcomes.get(id);
      // One transition after publishing, by exactly one of the two writers.
      expect(stored?.version).toBe(3);
      if (withdrawalFirst.has(id)) {
        expect(outcome?.status).toBe('fulfilled');
        expect(stored?.offer.status).toBe(OfferStatus.WITHDRAWN);
        expect(stored?.offer.withdrawalReason).toBe('Repris par le magasin');
        expect(stored?.offer.expiryReason).toBeNull();
      } else {
        expect(outcome?.status === 'rejected' ? outcome.reason : outcome).toMatchObject({ code: 'ILLEGAL_OFFER_TRANSITION', field: 'id' });
        expect(stored?.offer.status).toBe(OfferStatus.EXPIRED);
        expect(stored?.offer.withdrawalReason).toBeNull();
      }
    }
    // Each offer's change was announced once, by its winner (a notice written with the change).
    expect((await changeNotices(ids)).slice(noticesBefore).sort()).toEqual([...ids].sort());
  });

  it('lists newest first with opaque cursors, filters by status, distance and category, and shows others only open offers', async () => {
    const far = await insertDonor(services.dataSource, { location: { latitude: 45.764, longitude: 4.8357 } }); // Lyon
    const mine: string[] = [];
    for (let i = 0; i < 5; i += 1) mine.push(await publishedOffer(10, [anItem({ category: i % 2 === 0 ? 'FOOD.DAIRY.CHEESE' : 'FOOD.DRY.CANNED' })]));
    // Created a second later than the others (the fixed clock would otherwise give them all one instant).
    clock.current = new Date(clock.current.getTime() + 1000);
    const draft = await createOffer.execute({
      actor: actor(donor.userId),
      siteId: donor.site.id,
      title: 'Brouillon',
      items: [anItem()],
      pickupFrom: clock.now(),
      pickupUntil: new Date(clock.now().getTime() + HOUR_MS),
    });
    const lyon = await createOffer.execute({
      actor: actor(far.userId),
      siteId: far.site.id,
      title: 'Lyon',
      items: [anItem()],
      pickupFrom: clock.now(),
      pickupUntil: new Date(clock.now().getTime() + HOUR_MS),
    });
    const lyonOffer = Offer.restore(lyon.offer.toSnapshot());
    lyonOffer.publish(clock.now());
    await offers.update(lyonOffer, lyon.version);

    // Pages of two over everything the donor may read, with no duplicate and no gap.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const connection = await listOffers.execute({ actor: actor(donor.userId), first: 2, after });
      seen.push(...connection.edges.map((edge) => edge.node.offer.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([...mine, draft.offer.id, lyon.offer.id]));
    expect(seen.indexOf(draft.offer.id)).toBeLessThan(seen.indexOf(mine[0] ?? ''));

    const stranger = await insertUser(services.dataSource, 'reader');
    const strangerView = await listOffers.execute({ actor: actor(stranger), first: 100 });
    const strangerIds = strangerView.edges.map((edge) => edge.node.offer.id);
    expect(strangerIds).not.toContain(draft.offer.id);
    expect(strangerView.edges.every((edge) => ['PUBLISHED', 'PARTIALLY_CLAIMED'].includes(edge.node.offer.status))).toBe(true);
    expect(strangerIds).toEqual(expect.arrayContaining([...mine, lyon.offer.id]));

    const nearParis = await listOffers.execute({ actor: actor(stranger), first: 100, filter: { near: { latitude: 48.86, longitude: 2.35 }, radiusKm: 10 } });
    expect(nearParis.edges.map((edge) => edge.node.offer.id)).not.toContain(lyon.offer.id);
    expect(nearParis.edges.map((edge) => edge.node.offer.id)).toEqual(expect.arrayContaining(mine));

    const cheese = await listOffers.execute({ actor: actor(stranger), first: 100, filter: { category: 'food.dairy' } });
    const cheeseIds = cheese.edges.map((edge) => edge.node.offer.id);
    expect(cheeseIds).toEqual(expect.arrayContaining([mine[0], mine[2], mine[4]]));
    expect(cheeseIds).not.toContain(mine[1]);

    const drafts = await listOffers.execute({ actor: actor(donor.userId), first: 100, filter: { status: ['DRAFT'] } });
    expect(drafts.edges.map((edge) => edge.node.offer.id)).toContain(draft.offer.id);
    expect(drafts.edges.every((edge) => edge.node.offer.status === 'DRAFT')).toBe(true);

    expect(await rejection(listOffers.execute({ actor: actor(stranger), first: 101 }))).toMatchObject({ code: 'INVALID_PAGE_SIZE', field: 'first' });
    expect(await rejection(listOffers.execute({ actor: actor(stranger), after: 'nope' }))).toMatchObject({ code: 'INVALID_CURSOR', field: 'after' });
    expect(await rejection(listOffers.execute({ actor: actor(stranger), filter: { near: { latitude: 48, longitude: 2 }, radiusKm: 0 } }))).toMatchObject({
      code: 'INVALID_RADIUS',
      field: 'filter.radiusKm',
    });
    expect(await rejection(listOffers.execute({ actor: undefined }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
