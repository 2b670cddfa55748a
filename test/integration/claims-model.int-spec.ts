import { randomUUID } from 'node:crypto';
import { Authorizer, ExpireDueOffers, FixedClock, WithdrawOffer, type OfferClaim } from '#application';
import { isDomainError } from '#domain';
import {
  SqlDomainEventWriter,
  TypeOrmClaimRepository,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmPickupRepository,
  TypeOrmUnitOfWork,
} from '#persistence';
import fc from 'fast-check';
import {
  claimUseCases,
  insertClaimableOffer,
  insertClaimDonor,
  insertClaimRecipient,
  type ClaimDonor,
  type ClaimRecipient,
} from '../support/factories/claims.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

/** 300 sequences in CI; CLAIMS_MODEL_RUNS=N for more. */
const RUNS = Number(process.env.CLAIMS_MODEL_RUNS ?? 300);
const DAY_MS = 86_400_000;
// Monday 23 November 2026, 09:00 in Paris; each sequence takes a day of its own, so storage starts empty.
const BASE = new Date('2026-11-23T08:00:00Z').getTime();
const ITEM_KG = [6, 4];

/** Refusals a racing client may meet; anything else (or any non-domain error) fails the property. */
const EXPECTED_REFUSALS = new Set([
  'ALREADY_CLAIMED',
  'CLAIM_EXCEEDS_REMAINING',
  'CAPACITY_EXCEEDED',
  'OFFER_NOT_OPEN',
  'PICKUP_WINDOW_OVER',
  'DUPLICATE_CLAIM_ITEM',
  'ILLEGAL_CLAIM_TRANSITION',
  'ILLEGAL_OFFER_TRANSITION',
]);

type Operation =
  | { readonly kind: 'claim'; readonly recipient: number; readonly lines: ReadonlyArray<{ readonly item: number; readonly kg: number }> | null }
  | { readonly kind: 'cancel'; readonly claim: number; readonly byDonor: boolean }
  | { readonly kind: 'withdraw' }
  | { readonly kind: 'expire' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      recipient: fc.integer({ min: 0, max: 2 }),
      lines: fc.option(
        fc.array(fc.record({ item: fc.integer({ min: 0, max: 1 }), kg: fc.integer({ min: 1, max: 12 }).map((half) => half / 2) }), {
          minLength: 1,
          maxLength: 2,
        }),
        {
          freq: 3,
        },
      ),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), claim: fc.nat(), byDonor: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'withdraw' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
);
/** Rounds run one after the other; the operations of a round run at once. */
const sequence = fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

/**
 * A model-based property test against the real database: random sequences of claims, cancellations,
 * withdrawals and expiries, each round's operations racing each other, then the database compared
 * to what the successful operations imply: no item oversold, kilos conserved, the offer's and the
 * claims' statuses consistent, storage never exceeded, one trace event per change.
 */
describe('claims, cancellations, withdrawals and expiries racing: the database agrees with the model', () => {
  let services: TestServices;
  let donor: ClaimDonor;
  let recipients: ClaimRecipient[];

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    donor = await insertClaimDonor(ds);
    // Storage: plenty, plenty, and 5 kg of dry goods a day (which racing claims fill).
    recipients = [await insertClaimRecipient(ds), await insertClaimRecipient(ds), await insertClaimRecipient(ds, { ambientKg: 5, chilledKg: 0, frozenKg: 0 })];
  });

  afterAll(async () => {
    await services?.release();
  });

  it(`holds for ${RUNS} random sequences`, async () => {
    const ds = services.dataSource;
    let sequenceNumber = 0;
    let refusalsSeen = 0;
    let successesSeen = 0;
    await fc.assert(
      fc.asyncProperty(sequence, async (rounds) => {
        sequenceNumber += 1;
        const inWindow = new FixedClock(new Date(BASE + sequenceNumber * DAY_MS));
        const afterWindow = new FixedClock(new Date(BASE + sequenceNumber * DAY_MS + 8 * 3_600_000));
        const { claimOffer, cancelClaim } = claimUseCases(ds, inWindow);
        const events = new SqlDomainEventWriter(ds);
        const offers = new TypeOrmOfferRepository(ds, events);
        const claimRepository = new TypeOrmClaimRepository(ds, events);
        const unitOfWork = new TypeOrmUnitOfWork(ds);
        const withdraw = new WithdrawOffer(
          offers,
          new Authorizer(new TypeOrmMembershipRepository(ds)),
          unitOfWork,
          claimRepository,
          new TypeOrmPickupRepository(ds),
          inWindow,
        );
        const expire = new ExpireDueOffers(offers, claimRepository, unitOfWork, afterWindow);
        const window = { from: new Date(inWindow.now().getTime() + 3_600_000), until: new Date(inWindow.now().getTime() + 5 * 3_600_000) };
        const { offerId, itemIds } = await insertClaimableOffer(
          ds,
          donor,
          window,
          ITEM_KG.map((kg) => ({ category: 'FOOD.DRY', kg })),
        );

        const made: OfferClaim[] = [];
        const model = { claimedKg: [0, 0], withdrawn: false, expired: false, cancels: 0 };
        for (const round of rounds) {
          const known = [...made];
          const run = async (op: Operation): Promise<void> => {
            switch (op.kind) {
              case 'claim': {
                const recipient = recipients[op.recipient];
                const lines = op.lines?.map((line) => ({ itemId: itemIds[line.item] ?? '', quantityKg: line.kg })) ?? null;
                const claim = await claimOffer.execute({
                  actor: { userId: recipient.userId, platformAdmin: false, emailVerified: true },
                  offerId,
                  organizationId: recipient.organizationId,
                  lines,
                  idempotencyKey: `model-${randomUUID()}`,
                });
                made.push(claim);
                claim.lines.forEach((line) => {
                  const index = itemIds.indexOf(line.itemId);
                  model.claimedKg[index] = (model.claimedKg[index] ?? 0) + line.quantityKg;
                });
                return;
              }
              case 'cancel': {
                const target = known[op.claim % Math.max(1, known.length)];
                if (target === undefined) return;
                const recipient = recipients.find((r) => r.organizationId === target.recipientOrganizationId) as ClaimRecipient;
                const cancelled = await cancelClaim.execute({
                  actor: { userId: op.byDonor ? donor.userId : recipient.userId, platformAdmin: false, emailVerified: true },
                  claimId: target.id,
                  reason: op.byDonor ? 'Rupture' : null,
                });
                cancelled.lines.forEach((line) => {
                  const index = itemIds.indexOf(line.itemId);
                  model.claimedKg[index] = (model.claimedKg[index] ?? 0) - line.quantityKg;
                });
                model.cancels += 1;
                return;
              }
              case 'withdraw':
                await withdraw.execute({ actor: { userId: donor.userId, platformAdmin: false, emailVerified: true }, offerId, reason: 'Vendu' });
                model.withdrawn = true;
                return;
              case 'expire':
                await expire.execute();
                return;
              default: {
                const unknown: never = op;
                throw new Error(`unknown operation ${JSON.stringify(unknown)}`);
              }
            }
          };
          await Promise.all(
            round.map(async (op): Promise<void> => {
              try {
                await run(op);
                successesSeen += 1;
              } catch (error) {
                if (isDomainError(error) && EXPECTED_REFUSALS.has(error.code)) {
                  refusalsSeen += 1;
                  return;
                }
                throw error;
              }
            }),
          );
        }

        // The items: what remains plus what claims holding goods take is the quantity, never below zero.
        const items = await ds.query<Array<{ id: string; quantity: number; remaining: number; held: number }>>(
          `SELECT i.id, i.quantity_kg::float8 AS quantity, i.remaining_kg::float8 AS remaining,
             (SELECT coalesce(sum(l.quantity_kg), 0)::float8 FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id WHERE l.offer_item_id = i.id) AS held
           FROM offer_items i WHERE i.offer_id = $1 ORDER BY i.position`,
          [offerId],
        );
        const [stored] = await ds.query<Array<{ status: string; remaining: number }>>(
          'SELECT status, remaining_kg::float8 AS remaining FROM offers WHERE id = $1',
          [offerId],
        );
        const claimRows = await ds.query<Array<{ status: string; cancelled_by: string | null; n: string }>>(
          'SELECT status, cancelled_by, count(*) AS n FROM claims WHERE offer_id = $1 GROUP BY 1, 2',
          [offerId],
        );
        const claimsBy = (status: string, cancelledBy?: string) =>
          claimRows
            .filter((row) => row.status === status && (cancelledBy === undefined || row.cancelled_by === cancelledBy))
            .reduce((sum, row) => sum + Number(row.n), 0);
        const expired = stored?.status === 'EXPIRED';
        const traceEvents = await ds.query<Array<{ kind: string; n: string }>>(
          'SELECT kind, count(DISTINCT event_id) AS n FROM trace_events WHERE offer_id = $1 GROUP BY kind',
          [offerId],
        );
        const eventsOf = (kind: string) => Number(traceEvents.find((row) => row.kind === kind)?.n ?? 0);
        const pickups = await ds.query<Array<{ status: string; n: string }>>('SELECT p.status, count(*) AS n FROM pickups p WHERE p.offer_id = $1 GROUP BY 1', [
          offerId,
        ]);
        const pickupsIn = (status: string) => Number(pickups.find((row) => row.status === status)?.n ?? 0);
        const [smallHeld] = await ds.query<Array<{ kg: number | null }>>(
          `SELECT sum(l.quantity_kg)::float8 AS kg FROM claims_holding_goods c JOIN claim_lines l ON l.claim_id = c.id
            WHERE c.recipient_organization_id = $1 AND c.pickup_day = (SELECT min(pickup_day) FROM claims WHERE offer_id = $2)`,
          [recipients[2]?.organizationId, offerId],
        );

        const remainingModel = ITEM_KG.map((kg, index) => Math.round((kg - (model.claimedKg[index] ?? 0)) * 1000) / 1000);
        const expectedStatus = model.withdrawn
          ? 'WITHDRAWN'
          : expired
            ? 'EXPIRED'
            : remainingModel.every((kg, index) => kg === ITEM_KG[index])
              ? 'PUBLISHED'
              : remainingModel.every((kg) => kg === 0)
                ? 'CLAIMED'
                : 'PARTIALLY_CLAIMED';
        const confirmed = claimsBy('CONFIRMED');
        const cancelled = claimsBy('CANCELLED');
        expect({
          remaining: items.map((item) => item.remaining),
          conserved: items.map((item) => (model.withdrawn ? item.remaining + item.held <= item.quantity : item.remaining + item.held === item.quantity)),
          nonNegative: items.every((item) => item.remaining >= 0),
          offerRemaining: stored?.remaining,
          status: stored?.status,
          claims: { total: confirmed + cancelled, cancelledByOperation: claimsBy('CANCELLED', 'RECIPIENT') + claimsBy('CANCELLED', 'DONOR') },
          trace: {
            CLAIMED: eventsOf('CLAIMED'),
            CLAIM_CANCELLED: eventsOf('CLAIM_CANCELLED'),
            OFFER_WITHDRAWN: eventsOf('OFFER_WITHDRAWN'),
            OFFER_EXPIRED: eventsOf('OFFER_EXPIRED'),
          },
          pickups: { PENDING: pickupsIn('PENDING'), CANCELLED: pickupsIn('CANCELLED') },
          smallStorageWithinDeclared: (smallHeld?.kg ?? 0) <= 5,
        }).toEqual({
          remaining: remainingModel,
          conserved: items.map(() => true),
          nonNegative: true,
          offerRemaining: Math.round(remainingModel.reduce((sum, kg) => sum + kg, 0) * 1000) / 1000,
          status: expectedStatus,
          claims: { total: made.length, cancelledByOperation: model.cancels },
          trace: {
            CLAIMED: made.length,
            CLAIM_CANCELLED: cancelled,
            OFFER_WITHDRAWN: model.withdrawn ? 1 : 0,
            OFFER_EXPIRED: expired ? 1 : 0,
          },
          pickups: { PENDING: confirmed, CANCELLED: cancelled },
          smallStorageWithinDeclared: true,
        });
      }),
      { numRuns: RUNS },
    );
    // The races were real: both outcomes happened many times.
    expect(refusalsSeen).toBeGreaterThan(0);
    expect(successesSeen).toBeGreaterThan(refusalsSeen);
  }, 600_000);
});
