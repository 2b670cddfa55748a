import { randomUUID } from 'node:crypto';
import { Authorizer, ClaimOffer, FixedClock, type ClaimOfferCommand, type VersionedOffer } from '#application';
import { CLAIM_STATUSES, CLAIM_STATUSES_HOLDING_GOODS, DomainError, MemberRole } from '#domain';
import {
  SqlDomainEventWriter,
  SqlMatchCandidateFinder,
  TypeOrmJobOutbox,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmOrganizationRepository,
  TypeOrmPickupRepository,
  TypeOrmUnitOfWork,
  type TypeOrmClaimRepository,
} from '#persistence';
import type { DataSource } from 'typeorm';
import {
  claimUseCases,
  insertClaimableOffer,
  insertClaimDonor,
  insertClaimRecipient,
  type ClaimDonor,
  type ClaimRecipient,
} from '../support/factories/claims.factory';
import { insertClaim } from '../support/factories/matching.factory';
import { insertMember } from '../support/factories/people.factory';
import { Checkpoint, settle, waitForLockWaiters } from '../support/contention';
import { provideTestServices, type TestServices } from '../support/test-stack';

// Monday 23 November 2026, 09:00 in Paris; the pickup window is 11:00–15:00 that day.
const NOW = new Date('2026-11-23T08:00:00Z');
const WINDOW = { from: new Date('2026-11-23T10:00:00Z'), until: new Date('2026-11-23T14:00:00Z') };
const DAY = '2026-11-23';
const actor = (userId: string) => ({ userId, platformAdmin: false, emailVerified: true });

async function outcome<T>(promise: Promise<T>): Promise<{ ok: T } | { error: DomainError }> {
  try {
    return { ok: await promise };
  } catch (error) {
    if (error instanceof DomainError) return { error };
    throw error;
  }
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const result = await outcome(promise);
  if ('ok' in result) throw new Error('expected a DomainError, got a result');
  return result.error;
}

/**
 * Claims against the real PostgreSQL/PostGIS with real concurrency: many use-case calls at once on
 * the same rows, through a pool of connections, as several API instances would.
 */
describe('claims on the real PostgreSQL/PostGIS', () => {
  let services: TestServices;
  let clock: FixedClock;
  let claimOffer: ClaimOffer;
  let claims: TypeOrmClaimRepository;
  let donor: ClaimDonor;

  beforeAll(async () => {
    services = await provideTestServices();
    clock = new FixedClock(NOW);
    ({ claimOffer, claims } = claimUseCases(services.dataSource, clock));
    donor = await insertClaimDonor(services.dataSource);
  });

  afterAll(async () => {
    await services?.release();
  });

  const ds = () => services.dataSource;
  const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
    Number((await ds().query<Array<{ n: string }>>(sql, parameters))[0]?.n ?? 0);
  const command = (recipient: ClaimRecipient, offerId: string, overrides: Partial<ClaimOfferCommand> = {}): ClaimOfferCommand => ({
    actor: actor(recipient.userId),
    offerId,
    organizationId: recipient.organizationId,
    lines: null,
    idempotencyKey: `key-${randomUUID()}`,
    ...overrides,
  });

  it('100 concurrent claims on a one-kilo item: exactly one wins, the 99 others are told ALREADY_CLAIMED, nothing else', async () => {
    const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 1 }]);
    const recipients = await Promise.all(Array.from({ length: 10 }, () => insertClaimRecipient(ds())));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => {
        const recipient = recipients[index % recipients.length];
        return outcome(claimOffer.execute(command(recipient, offerId, { lines: [{ itemId: itemIds[0] ?? '', quantityKg: 1 }] })));
      }),
    );
    const wins = results.filter((result) => 'ok' in result);
    const codes = results.flatMap((result) => ('error' in result ? [`${result.error.code}:${result.error.field}`] : []));
    expect(wins).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 99 }, () => 'ALREADY_CLAIMED:offerId'));
    expect(await count('SELECT count(*) AS n FROM claims WHERE offer_id = $1', [offerId])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM offers WHERE id = $1 AND status = 'CLAIMED' AND remaining_kg = 0", [offerId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM offer_items WHERE id = $1 AND remaining_kg = 0', [itemIds[0]])).toBe(1);
  });

  describe('two claims that both read the offer before either writes (a barrier holds the first reads)', () => {
    /** Offers whose unlocked reads wait until `parties` of them are under way; locked reads are counted. */
    class BarrierOfferRepository extends TypeOrmOfferRepository {
      lockedReads = 0;
      private waiting: Array<() => void> = [];
      constructor(
        dataSource: DataSource,
        private readonly parties: number,
      ) {
        super(dataSource, new SqlDomainEventWriter(dataSource));
      }

      override async findById(id: string, options: { readonly forUpdate?: boolean } = {}): Promise<VersionedOffer | undefined> {
        if (options.forUpdate === true) {
          this.lockedReads += 1;
          return super.findById(id, options);
        }
        const read = await super.findById(id, options);
        await new Promise<void>((resolve) => {
          this.waiting.push(resolve);
          if (this.waiting.length === this.parties) this.waiting.forEach((release) => release());
        });
        return read;
      }
    }

    const claimOfferWith = (offers: TypeOrmOfferRepository) =>
      new ClaimOffer(
        new Authorizer(new TypeOrmMembershipRepository(ds())),
        new TypeOrmOrganizationRepository(ds()),
        new SqlMatchCandidateFinder(ds()),
        offers,
        claims,
        new TypeOrmPickupRepository(ds()),
        new TypeOrmJobOutbox(ds()),
        new TypeOrmUnitOfWork(ds()),
        clock,
      );

    it('the one whose write finds the offer changed claims again under the offer’s lock: both hold, nothing is lost', async () => {
      const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 10 }]);
      const [first, second] = await Promise.all([insertClaimRecipient(ds()), insertClaimRecipient(ds())]);
      const offers = new BarrierOfferRepository(ds(), 2);
      const racing = claimOfferWith(offers);
      const lines = [{ itemId: itemIds[0] ?? '', quantityKg: 3 }];

      const results = await Promise.all([first, second].map((recipient) => outcome(racing.execute(command(recipient, offerId, { lines })))));

      // Both read the same version before either wrote: one write was refused, and claimed again locked.
      expect(offers.lockedReads).toBe(1);
      expect(results.map((result) => ('ok' in result ? 'OK' : result.error.code))).toEqual(['OK', 'OK']);
      expect(await count('SELECT count(*) AS n FROM offer_items WHERE id = $1 AND remaining_kg = 4', [itemIds[0]])).toBe(1);
      expect(await count("SELECT count(*) AS n FROM offers WHERE id = $1 AND status = 'PARTIALLY_CLAIMED' AND remaining_kg = 4", [offerId])).toBe(1);
      expect(await count("SELECT count(*) AS n FROM trace_events WHERE offer_id = $1 AND kind = 'CLAIMED'", [offerId])).toBe(2);
      expect(await count('SELECT count(*) AS n FROM claim_idempotency_keys k JOIN claims c ON c.id = k.claim_id WHERE c.offer_id = $1', [offerId])).toBe(2);
    });

    it('a duplicate request arriving while the first claims again under the offer’s lock gets the same claim, without a deadlock', async () => {
      const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 10 }]);
      const [recipient, other] = await Promise.all([insertClaimRecipient(ds()), insertClaimRecipient(ds())]);
      const read = new Checkpoint();
      const locked = new Checkpoint();
      /** The first request stops after its unlocked read, then again once it holds the offer's lock. */
      class GatedOfferRepository extends TypeOrmOfferRepository {
        override async findById(id: string, options: { readonly forUpdate?: boolean } = {}): Promise<VersionedOffer | undefined> {
          const found = await super.findById(id, options);
          await (options.forUpdate === true ? locked : read).pass();
          return found;
        }
      }
      const gated = claimOfferWith(new GatedOfferRepository(ds(), new SqlDomainEventWriter(ds())));
      const itemId = itemIds[0] ?? '';
      const request = command(recipient, offerId, { lines: [{ itemId, quantityKg: 1 }], idempotencyKey: `dup-${randomUUID()}` });

      const first = settle(gated.execute(request));
      await read.reached;
      // Another claim changes the offer: the first request's write is refused, and it claims again locked.
      await claimOffer.execute(command(other, offerId, { lines: [{ itemId, quantityKg: 2 }] }));
      read.release();
      await locked.reached;
      const duplicate = settle(claimOffer.execute(request));
      await waitForLockWaiters(ds(), 1, 'the duplicate request behind the offer’s lock');
      locked.release();

      const answers = await Promise.all([first, duplicate]);
      const ids = answers.map((answer) => {
        if (answer.status === 'rejected') throw answer.reason;
        return answer.value.id;
      });
      expect(new Set(ids).size).toBe(1);
      expect(await count('SELECT count(*) AS n FROM claims WHERE offer_id = $1', [offerId])).toBe(2);
      expect(await count('SELECT count(*) AS n FROM offer_items WHERE id = $1 AND remaining_kg = 7', [itemId])).toBe(1);
    });

    it('when the first took everything, the other is told ALREADY_CLAIMED once it has read the offer again, and wrote nothing', async () => {
      const { offerId } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 10 }]);
      const [first, second] = await Promise.all([insertClaimRecipient(ds()), insertClaimRecipient(ds())]);
      const offers = new BarrierOfferRepository(ds(), 2);
      const racing = claimOfferWith(offers);

      const results = await Promise.all([first, second].map((recipient) => outcome(racing.execute(command(recipient, offerId)))));

      expect(offers.lockedReads).toBe(1);
      expect(results.map((result) => ('ok' in result ? 'OK' : `${result.error.code}:${result.error.field}`)).sort()).toEqual(['ALREADY_CLAIMED:offerId', 'OK']);
      expect(await count('SELECT count(*) AS n FROM claims WHERE offer_id = $1', [offerId])).toBe(1);
      expect(await count('SELECT count(*) AS n FROM pickups WHERE offer_id = $1', [offerId])).toBe(1);
      expect(await count("SELECT count(*) AS n FROM trace_events WHERE offer_id = $1 AND kind = 'CLAIMED'", [offerId])).toBe(1);
    });
  });

  it('two claims at once on two offers for the last of one recipient’s storage: never more than it declared, in every round', async () => {
    const rounds = 8;
    let bothOutcomes = 0;
    for (let round = 0; round < rounds; round += 1) {
      // 10 kg of dry storage, 4 already held that day: 5 more fit, 10 do not.
      const recipient = await insertClaimRecipient(ds(), { ambientKg: 10, chilledKg: 0, frozenKg: 0 });
      const secondMember = await insertMember(ds(), recipient.organizationId, MemberRole.STAFF, `staff.${randomUUID().slice(0, 8)}@asso.example`);
      const earlier = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 4 }], 'CLAIMED');
      await insertClaim(ds(), {
        offerId: earlier.offerId,
        recipientOrganizationId: recipient.organizationId,
        pickupDay: DAY,
        lines: [{ itemId: earlier.itemIds[0] ?? '', kg: 4, temperature: 'AMBIENT' }],
      });
      const a = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }]);
      const b = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }]);
      const results = await Promise.all([
        outcome(claimOffer.execute(command(recipient, a.offerId))),
        outcome(claimOffer.execute({ ...command(recipient, b.offerId), actor: actor(secondMember) })),
      ]);
      const codes = results.map((result) => ('ok' in result ? 'OK' : `${result.error.code}:${result.error.field}`)).sort();
      expect(codes).toEqual(['CAPACITY_EXCEEDED:lines', 'OK']);
      bothOutcomes += 1;
      const held = await ds().query<Array<{ kg: number }>>(
        `SELECT sum(l.quantity_kg)::float8 AS kg FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
          WHERE c.recipient_organization_id = $1 AND c.pickup_day = $2`,
        [recipient.organizationId, DAY],
      );
      expect(held[0]?.kg).toBe(9);
    }
    expect(bothOutcomes).toBe(rounds);
  });

  it('the same idempotency key ten times in sequence and ten times at once: one claim, the same answer each time; another request with it is refused', async () => {
    const recipient = await insertClaimRecipient(ds());
    const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 30 }]);
    const request = command(recipient, offerId, { lines: [{ itemId: itemIds[0] ?? '', quantityKg: 2 }], idempotencyKey: 'order:2026-11-23:A' });
    const sequential = [];
    for (let i = 0; i < 10; i += 1) sequential.push(await claimOffer.execute(request));
    expect(new Set(sequential.map((claim) => claim.id)).size).toBe(1);

    const concurrentRequest = { ...request, idempotencyKey: 'order:2026-11-23:B' };
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => claimOffer.execute(concurrentRequest)));
    expect(new Set(concurrent.map((claim) => claim.id)).size).toBe(1);
    expect(concurrent[0]).toEqual(concurrent[9]);
    expect(await count('SELECT count(*) AS n FROM claims WHERE offer_id = $1', [offerId])).toBe(2);
    expect(await count('SELECT count(*) AS n FROM offer_items WHERE id = $1 AND remaining_kg = 26', [itemIds[0]])).toBe(1);

    // After a restart (new connections, new instances), and after the offer was fully claimed meanwhile.
    const restarted = claimUseCases(ds(), clock).claimOffer;
    await claimOffer.execute(command(recipient, offerId));
    expect((await restarted.execute(request)).id).toBe(sequential[0]?.id);

    expect(await rejection(claimOffer.execute({ ...request, lines: [{ itemId: itemIds[0] ?? '', quantityKg: 3 }] }))).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    // Scoped to the person: a colleague may use the same key for a request of their own.
    const colleague = await insertMember(ds(), recipient.organizationId, MemberRole.STAFF, `colleague.${randomUUID().slice(0, 8)}@asso.example`);
    const other = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 1 }]);
    expect((await claimOffer.execute({ ...command(recipient, other.offerId), actor: actor(colleague), idempotencyKey: request.idempotencyKey })).offerId).toBe(
      other.offerId,
    );
  });

  it('writes the claim, its lines, its pickup, its planning job and its trace in one transaction', async () => {
    const recipient = await insertClaimRecipient(ds());
    const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [
      { category: 'FOOD.DRY', kg: 10 },
      { category: 'FOOD.DAIRY', kg: 3, temperature: 'CHILLED', dateKind: 'DDM', date: '2026-12-20' },
    ]);
    await ds().query("UPDATE offer_items SET gtin = '3017620422003', lot_number = 'L2611' WHERE id = $1", [itemIds[0]]);
    const claim = await claimOffer.execute(command(recipient, offerId));
    expect(claim).toMatchObject({ status: 'CONFIRMED', totalKg: 13, pickupDay: DAY, recipientOrganizationId: recipient.organizationId });
    expect(await count("SELECT count(*) AS n FROM offers WHERE id = $1 AND status = 'CLAIMED'", [offerId])).toBe(1);

    const [pickup] = await ds().query<Array<Record<string, unknown>>>('SELECT * FROM pickups WHERE claim_id = $1', [claim.id]);
    expect(pickup).toMatchObject({
      status: 'PENDING',
      from_organization_id: donor.organizationId,
      from_site_id: donor.siteId,
      to_organization_id: recipient.organizationId,
      to_site_id: recipient.siteId,
      collect_from: WINDOW.from,
      collect_until: WINDOW.until,
      deliver_from: WINDOW.from,
      deliver_until: WINDOW.until,
      ambient_kg: '10.000',
      chilled_kg: '3.000',
      frozen_kg: '0.000',
    });
    expect(await count("SELECT count(*) AS n FROM outbox_jobs WHERE name = 'claims.plan-pickup' AND payload->>'pickupId' = $1", [pickup?.['id']])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM outbox_jobs WHERE name = 'notifications.claim-email' AND payload->>'claimId' = $1", [claim.id])).toBe(1);

    const trace = await ds().query<Array<Record<string, unknown>>>('SELECT * FROM trace_events WHERE claim_id = $1 ORDER BY seq', [claim.id]);
    expect(new Set(trace.map((row) => row['event_id'])).size).toBe(1);
    expect(trace).toEqual([
      expect.objectContaining({
        kind: 'CLAIMED',
        item_id: itemIds[0],
        gtin: '3017620422003',
        lot_number: 'L2611',
        kg: '10.000',
        temperature: 'AMBIENT',
        from_organization_id: donor.organizationId,
        from_site_id: donor.siteId,
        to_organization_id: recipient.organizationId,
        to_site_id: recipient.siteId,
        actor_user_id: recipient.userId,
        occurred_at: NOW,
      }),
      expect.objectContaining({ kind: 'CLAIMED', item_id: itemIds[1], kg: '3.000', temperature: 'CHILLED', gtin: null }),
    ]);
  });

  describe('bad input: a coded error naming the field, and nothing written', () => {
    let recipient: ClaimRecipient;
    let offer: { offerId: string; itemIds: string[] };

    beforeAll(async () => {
      recipient = await insertClaimRecipient(ds(), { acceptedCategories: ['FOOD.DRY'], dlcMarginHours: 48 });
      offer = await insertClaimableOffer(ds(), donor, WINDOW, [
        { category: 'FOOD.DRY', kg: 5 },
        { category: 'FOOD.MEAT', kg: 2, temperature: 'CHILLED' },
      ]);
    });

    const writes = async () =>
      Promise.all([
        count('SELECT count(*) AS n FROM claims'),
        count('SELECT count(*) AS n FROM trace_events'),
        count('SELECT count(*) AS n FROM outbox_jobs'),
        count('SELECT count(*) AS n FROM pickups'),
        count('SELECT count(*) AS n FROM claim_idempotency_keys'),
      ]);

    it.each<
      [string, (ctx: { recipient: ClaimRecipient; offerId: string; itemIds: string[] }) => Promise<Partial<ClaimOfferCommand>>, string, string | undefined]
    >([
      [
        'more than remains',
        async ({ itemIds }) => ({ lines: [{ itemId: itemIds[0] ?? '', quantityKg: 5.5 }] }),
        'CLAIM_EXCEEDS_REMAINING',
        'lines.0.quantityKg',
      ],
      ['zero kg', async ({ itemIds }) => ({ lines: [{ itemId: itemIds[0] ?? '', quantityKg: 0 }] }), 'INVALID_QUANTITY', 'lines.0.quantityKg'],
      ['negative kg', async ({ itemIds }) => ({ lines: [{ itemId: itemIds[0] ?? '', quantityKg: -1 }] }), 'INVALID_QUANTITY', 'lines.0.quantityKg'],
      ['no lines at all', async () => ({ lines: [] }), 'CLAIM_WITHOUT_LINES', 'lines'],
      [
        'the same item twice',
        async ({ itemIds }) => ({
          lines: [
            { itemId: itemIds[0] ?? '', quantityKg: 1 },
            { itemId: itemIds[0] ?? '', quantityKg: 1 },
          ],
        }),
        'DUPLICATE_CLAIM_ITEM',
        'lines.1.itemId',
      ],
      [
        'an item of another offer',
        async () => {
          const other = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }]);
          return { lines: [{ itemId: other.itemIds[0] ?? '', quantityKg: 1 }] };
        },
        'UNKNOWN_OFFER_ITEM',
        'lines.0.itemId',
      ],
      [
        'an item of a category it does not take',
        async ({ itemIds }) => ({ lines: [{ itemId: itemIds[1] ?? '', quantityKg: 1 }] }),
        'ITEM_NOT_ELIGIBLE',
        'lines.0.itemId',
      ],
      ['a malformed idempotency key', async () => ({ idempotencyKey: 'not ok!' }), 'INVALID_IDEMPOTENCY_KEY', 'idempotencyKey'],
      ['an over-long idempotency key', async () => ({ idempotencyKey: 'k'.repeat(129) }), 'INVALID_IDEMPOTENCY_KEY', 'idempotencyKey'],
      ['an unknown offer', async () => ({ offerId: randomUUID() }), 'NOT_FOUND', 'offerId'],
      [
        'a draft',
        async () => ({ offerId: (await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }], 'DRAFT')).offerId }),
        'OFFER_NOT_OPEN',
        'offerId',
      ],
      [
        'a withdrawn offer',
        async () => ({ offerId: (await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }], 'WITHDRAWN')).offerId }),
        'OFFER_NOT_OPEN',
        'offerId',
      ],
      [
        'an expired offer',
        async () => ({ offerId: (await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5 }], 'EXPIRED')).offerId }),
        'OFFER_NOT_OPEN',
        'offerId',
      ],
      [
        'an offer past its window',
        async () => ({
          offerId: (
            await insertClaimableOffer(ds(), donor, { from: new Date('2026-11-22T10:00:00Z'), until: new Date('2026-11-22T14:00:00Z') }, [
              { category: 'FOOD.DRY', kg: 5 },
            ])
          ).offerId,
        }),
        'PICKUP_WINDOW_OVER',
        'offerId',
      ],
      [
        'a DLC item without the recipient’s margin',
        async () => {
          const dlc = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 5, dateKind: 'DLC', date: '2026-11-24' }]);
          return { offerId: dlc.offerId };
        },
        'RECIPIENT_NOT_ELIGIBLE',
        'organizationId',
      ],
    ])('%s', async (_name, build, code, field) => {
      const overrides = await build({ recipient, offerId: offer.offerId, itemIds: offer.itemIds });
      const before = await writes();
      expect(await rejection(claimOffer.execute(command(recipient, offer.offerId, overrides)))).toMatchObject({ code, field });
      expect(await writes()).toEqual(before);
    });

    it('an unverified recipient, a recipient out of reach, a DRIVER, a stranger, a donor', async () => {
      const unverified = await insertClaimRecipient(ds(), {}, { verified: false });
      const farAway = await insertClaimRecipient(ds(), { serviceRadiusKm: 1 });
      const driver = await insertMember(ds(), recipient.organizationId, MemberRole.DRIVER, `driver.${randomUUID().slice(0, 8)}@asso.example`);
      const stranger = await insertClaimRecipient(ds());
      const before = await writes();
      expect(await rejection(claimOffer.execute(command(unverified, offer.offerId)))).toMatchObject({
        code: 'RECIPIENT_NOT_VERIFIED',
        field: 'organizationId',
      });
      expect(await rejection(claimOffer.execute(command(farAway, offer.offerId)))).toMatchObject({ code: 'RECIPIENT_NOT_ELIGIBLE', field: 'organizationId' });
      expect(await rejection(claimOffer.execute({ ...command(recipient, offer.offerId), actor: actor(driver) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await rejection(claimOffer.execute({ ...command(recipient, offer.offerId), actor: actor(stranger.userId) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await rejection(claimOffer.execute({ ...command(recipient, offer.offerId), organizationId: donor.organizationId, actor: actor(donor.userId) })),
      ).toMatchObject({
        code: 'NOT_A_RECIPIENT',
        field: 'organizationId',
      });
      expect(await writes()).toEqual(before);
    });
  });

  it('the view claims_holding_goods holds exactly the domain’s statuses', async () => {
    const recipient = await insertClaimRecipient(ds());
    const { offerId, itemIds } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 50 }], 'CLAIMED');
    for (const status of CLAIM_STATUSES) {
      await insertClaim(ds(), {
        offerId,
        recipientOrganizationId: recipient.organizationId,
        pickupDay: DAY,
        status,
        lines: [{ itemId: itemIds[0] ?? '', kg: 1, temperature: 'AMBIENT' }],
      });
    }
    const rows = await ds().query<Array<{ status: string }>>('SELECT status FROM claims_holding_goods WHERE offer_id = $1 ORDER BY status', [offerId]);
    expect(rows.map((row) => row.status)).toEqual([...CLAIM_STATUSES_HOLDING_GOODS].sort());
    expect(Object.fromEntries(await claims.kgHeld(recipient.organizationId, DAY))).toEqual({ AMBIENT: CLAIM_STATUSES_HOLDING_GOODS.length });
  });

  it('the trace table refuses UPDATE, DELETE and TRUNCATE from the application’s connection', async () => {
    const recipient = await insertClaimRecipient(ds());
    const { offerId } = await insertClaimableOffer(ds(), donor, WINDOW, [{ category: 'FOOD.DRY', kg: 2 }]);
    const claim = await claimOffer.execute(command(recipient, offerId));
    const before = await ds().query<unknown[]>('SELECT * FROM trace_events WHERE claim_id = $1', [claim.id]);
    expect(before).toHaveLength(1);
    await expect(ds().query('UPDATE trace_events SET kg = 0 WHERE claim_id = $1', [claim.id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(ds().query('DELETE FROM trace_events WHERE claim_id = $1', [claim.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(ds().query('TRUNCATE trace_events')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await ds().query('SELECT * FROM trace_events WHERE claim_id = $1', [claim.id])).toEqual(before);
  });
});
