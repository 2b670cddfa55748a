import { randomUUID } from 'node:crypto';
import { Authorizer, ExpireDueOffers, FixedClock, RecordStopEvent, type Clock, type RunSettings } from '#application';
import { parisDayOf, type ClaimProgress } from '#domain';
import {
  SqlDomainEventWriter,
  TypeOrmClaimRepository,
  TypeOrmJobOutbox,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmPickupRepository,
  TypeOrmRunRepository,
  TypeOrmUnitOfWork,
} from '#persistence';
import type { DataSource } from 'typeorm';
import { Checkpoint } from '../support/contention';
import { claimUseCases } from '../support/factories/claims.factory';
import { insertClaim } from '../support/factories/matching.factory';
import { insertDriver, insertOpenRun, insertRunDonor, insertRunRecipient, type RunRecipient } from '../support/factories/runs.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

const HOUR = 3_600_000;
// Monday 23 November 2026, 09:00 in Paris: the pickup window runs 09:00–13:00.
const START = new Date('2026-11-23T08:00:00Z');
const IN_WINDOW = new Date(START.getTime() + HOUR);
const AFTER_WINDOW = new Date(START.getTime() + 5 * HOUR);
const SETTINGS: RunSettings = { kgTolerancePercent: 10, replanDebounceMs: 0, withdrawalNoticeMs: 0, untakenAlertMs: 0 };

/**
 * Offers follow their goods (docs/domain-rules.md, Offers follow their goods) on the paths where no
 * collection comes last: the expiry sweep of an offer whose claims were all collected before its
 * window ended, the cancellation of the last claim waiting, a collection refused at the donor's.
 */
describe('an offer follows its goods: expiry, cancellation, refusal at collection', () => {
  let services: TestServices;
  let ds: DataSource;
  let recipient: RunRecipient;
  let driver: string;

  const actor = (userId: string) => ({ userId, platformAdmin: false, emailVerified: true });
  const recordStopEvent = (clock: Clock) => {
    const events = new SqlDomainEventWriter(ds);
    return new RecordStopEvent(
      new TypeOrmRunRepository(ds, new TypeOrmJobOutbox(ds)),
      new TypeOrmClaimRepository(ds, events),
      new TypeOrmOfferRepository(ds, events),
      new TypeOrmPickupRepository(ds),
      new Authorizer(new TypeOrmMembershipRepository(ds)),
      SETTINGS,
      new TypeOrmUnitOfWork(ds),
      clock,
    );
  };
  const sweep = (clock: Clock, claims = new TypeOrmClaimRepository(ds, new SqlDomainEventWriter(ds))) =>
    new ExpireDueOffers(new TypeOrmOfferRepository(ds), claims, new TypeOrmUnitOfWork(ds), clock);
  const offerOf = async (offerId: string) =>
    (
      await ds.query<Array<{ status: string; version: number; expiry_reason: string | null; remaining_kg: string }>>(
        'SELECT status, version, expiry_reason, remaining_kg FROM offers WHERE id = $1',
        [offerId],
      )
    )[0];

  /** A run of 12 kg claimed from a donor's lot, plus a second item of that lot: unclaimed, or claimed by another recipient. */
  async function lotWithTwoItems(secondItem: 'UNCLAIMED' | { readonly claimedBy: RunRecipient }) {
    const donor = await insertRunDonor(ds, 'Boulangerie des Chartrons', { latitude: 44.85, longitude: -0.57 });
    const run = await insertOpenRun(ds, { recipient, donor, day: parisDayOf(START), start: START, kg: 12, driverUserId: driver });
    const [{ offer_id: offerId } = { offer_id: '' }] = await ds.query<Array<{ offer_id: string }>>('SELECT offer_id FROM claims WHERE id = $1', [run.claimId]);
    const itemId = randomUUID();
    const remaining = secondItem === 'UNCLAIMED' ? 5 : 0;
    await ds.query(
      `INSERT INTO offer_items (id, offer_id, position, category, description, quantity_kg, remaining_kg, temperature, date_kind)
       VALUES ($1, $2, 1, 'FOOD.DRY', 'Pains', 5, $3, 'AMBIENT', 'NONE')`,
      [itemId, offerId, remaining],
    );
    await ds.query('UPDATE offers SET total_kg = total_kg + 5, remaining_kg = $2, status = $3 WHERE id = $1', [
      offerId,
      remaining,
      secondItem === 'UNCLAIMED' ? 'PARTIALLY_CLAIMED' : 'CLAIMED',
    ]);
    const otherClaimId =
      secondItem === 'UNCLAIMED'
        ? null
        : await insertClaim(ds, {
            offerId,
            recipientOrganizationId: secondItem.claimedBy.organizationId,
            pickupDay: parisDayOf(START),
            lines: [{ itemId, kg: 5, temperature: 'AMBIENT' }],
          });
    return { ...run, offerId, otherClaimId };
  }

  beforeAll(async () => {
    services = await provideTestServices();
    ds = services.dataSource;
    recipient = await insertRunRecipient(ds, { latitude: 44.84, longitude: -0.58 });
    driver = await insertDriver(ds, recipient.organizationId);
  });

  afterAll(async () => {
    await services?.release();
  });

  it('expires an offer whose claims were all collected during its window, and moves it on to COLLECTED in the same sweep; never again', async () => {
    const lot = await lotWithTwoItems('UNCLAIMED');
    await recordStopEvent(new FixedClock(IN_WINDOW)).execute({ actor: actor(driver), stopId: lot.collectStopId, kind: 'COLLECTED', quantityKg: 11.5 });
    // 5 kg may still be claimed until 13:00: the offer waits.
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'PARTIALLY_CLAIMED', expiry_reason: null });

    const after = new FixedClock(AFTER_WINDOW);
    expect(await sweep(after).execute()).toEqual({ expired: 1, conflicts: 0 });
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'COLLECTED', expiry_reason: 'WINDOW_OVER', remaining_kg: '5.000' });
    // What stayed at the donor's is traced as expired, in the sweep's one transaction.
    const expired = await ds.query<Array<{ kind: string; kg: string }>>("SELECT kind, kg FROM trace_events WHERE offer_id = $1 AND kind = 'OFFER_EXPIRED'", [
      lot.offerId,
    ]);
    expect(expired).toEqual([{ kind: 'OFFER_EXPIRED', kg: '5.000' }]);
    // A collected offer is no candidate for expiry any more.
    expect(await sweep(new FixedClock(new Date(AFTER_WINDOW.getTime() + 24 * HOUR))).execute()).toEqual({ expired: 0, conflicts: 0 });
    expect(await new TypeOrmOfferRepository(ds).findExpiryCandidates(new Date(AFTER_WINDOW.getTime() + 24 * HOUR), 0, 100)).not.toContain(lot.offerId);
  });

  it('refuses a sweep that read the claims before a collection committed (CONFLICT): the next sweep sees it and moves the offer on', async () => {
    const lot = await lotWithTwoItems('UNCLAIMED');
    const read = new Checkpoint();
    class GatedClaimRepository extends TypeOrmClaimRepository {
      override async progressOfOffer(offerId: string): Promise<ClaimProgress[]> {
        const progress = await super.progressOfOffer(offerId);
        if (offerId === lot.offerId) await read.pass();
        return progress;
      }
    }
    const after = new FixedClock(AFTER_WINDOW);
    const stale = sweep(after, new GatedClaimRepository(ds, new SqlDomainEventWriter(ds))).execute();
    await read.reached;
    // The sweep saw the claim still waiting; the driver's collection (a moment before the window ended) commits now.
    await recordStopEvent(new FixedClock(new Date(AFTER_WINDOW.getTime() - 4 * HOUR))).execute({
      actor: actor(driver),
      stopId: lot.collectStopId,
      kind: 'COLLECTED',
      quantityKg: 12,
    });
    read.release();
    expect(await stale).toEqual({ expired: 0, conflicts: 1 });
    // Had the sweep written what it saw, the offer would be EXPIRED for good with every claim collected.
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'PARTIALLY_CLAIMED' });
    expect(await sweep(after).execute()).toEqual({ expired: 1, conflicts: 0 });
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'COLLECTED', expiry_reason: 'WINDOW_OVER' });
  });

  it('moves an offer on when the last claim waiting for collection is cancelled after the window, the others collected', async () => {
    const other = await insertRunRecipient(ds, { latitude: 44.83, longitude: -0.56 });
    const lot = await lotWithTwoItems({ claimedBy: other });
    await recordStopEvent(new FixedClock(IN_WINDOW)).execute({ actor: actor(driver), stopId: lot.collectStopId, kind: 'COLLECTED', quantityKg: 12 });
    // The other recipient's claim still waits.
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'CLAIMED' });
    const { cancelClaim } = claimUseCases(ds, new FixedClock(AFTER_WINDOW));
    await cancelClaim.execute({ actor: actor(other.adminId), claimId: lot.otherClaimId ?? '' });
    // Its 5 kg went back to a lot nobody may claim any more: expired, then COLLECTED with what did leave.
    expect(await offerOf(lot.offerId)).toMatchObject({ status: 'COLLECTED', expiry_reason: 'WINDOW_OVER', remaining_kg: '5.000' });
  });

  it('leaves an offer as it is when its goods were refused at the donor’s: nothing left the site', async () => {
    const donor = await insertRunDonor(ds, 'Primeur de la Bastide', { latitude: 44.84, longitude: -0.55 });
    const run = await insertOpenRun(ds, { recipient, donor, day: parisDayOf(START), start: START, kg: 8, driverUserId: driver });
    const [{ offer_id: offerId } = { offer_id: '' }] = await ds.query<Array<{ offer_id: string }>>('SELECT offer_id FROM claims WHERE id = $1', [run.claimId]);
    const before = await offerOf(offerId);
    await recordStopEvent(new FixedClock(IN_WINDOW)).execute({ actor: actor(driver), stopId: run.collectStopId, kind: 'REFUSED', note: 'HYGIENE' });
    expect(await ds.query('SELECT status, collected_at, refused_kg FROM claims WHERE id = $1', [run.claimId])).toEqual([
      { status: 'REFUSED', collected_at: null, refused_kg: '8.000' },
    ]);
    // Written again (a new version), not moved.
    expect(await offerOf(offerId)).toMatchObject({ status: 'CLAIMED', version: (before?.version ?? 0) + 1 });
  });
});
