import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { TemperatureClass } from '../shared/temperature-class';
import { Claim, refusedLines, scaledLines, type NewClaimInput } from './claim.aggregate';
import { parseIdempotencyKey } from './idempotency-key';

const NOW = new Date('2026-11-23T08:00:00Z');
const line = (itemId: string, kg: number, temperature: TemperatureClass = TemperatureClass.AMBIENT) => ({
  itemId,
  category: 'FOOD.DRY',
  gtin: '3017620422003',
  lotNumber: 'L42',
  kg,
  temperature,
});
const input = (overrides: Partial<NewClaimInput> = {}): NewClaimInput => ({
  id: 'c1',
  offerId: 'o1',
  recipientOrganizationId: 'r1',
  createdBy: 'u1',
  pickupDay: '2026-11-23',
  lines: [line('i1', 2.5), line('i2', 1, TemperatureClass.CHILLED), line('i3', 0.25, TemperatureClass.CHILLED)],
  from: { organizationId: 'd1', siteId: 's1' },
  to: { organizationId: 'r1', siteId: 's2' },
  ...overrides,
});

describe('Claim', () => {
  it('is confirmed with its lines and records one CLAIMED event with both parties and every line', () => {
    const claim = Claim.confirm(input(), NOW);
    expect(claim.status).toBe('CONFIRMED');
    expect(claim.totalKg).toBe(3.75);
    expect(Object.fromEntries(claim.kgByTemperature())).toEqual({ AMBIENT: 2.5, CHILLED: 1.25 });
    const events = claim.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'CLAIMED',
      actorUserId: 'u1',
      claimId: 'c1',
      offerId: 'o1',
      from: { organizationId: 'd1', siteId: 's1' },
      to: { organizationId: 'r1', siteId: 's2' },
    });
    expect(events[0]?.lines).toHaveLength(3);
    expect(claim.pullEvents()).toEqual([]);
  });

  it('refuses no lines, the same item twice and a zero or negative quantity, naming the line', () => {
    expect(() => Claim.confirm(input({ lines: [] }), NOW)).toThrow(expect.objectContaining({ code: 'CLAIM_WITHOUT_LINES', field: 'lines' }));
    expect(() => Claim.confirm(input({ lines: [line('i1', 1), line('i1', 2)] }), NOW)).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_CLAIM_ITEM', field: 'lines.1.itemId' }),
    );
    for (const kg of [0, -1, Number.NaN]) {
      expect(() => Claim.confirm(input({ lines: [line('i1', 1), line('i2', kg)] }), NOW)).toThrow(
        expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'lines.1.quantityKg' }),
      );
    }
  });

  it('is cancelled once, by the recipient without a reason or by the donor with one, and records it', () => {
    const byRecipient = Claim.confirm(input(), NOW);
    byRecipient.pullEvents();
    byRecipient.cancel('RECIPIENT', null, 'u1', NOW);
    expect(byRecipient.status).toBe('CANCELLED');
    expect(byRecipient.pullEvents()).toEqual([expect.objectContaining({ kind: 'CLAIM_CANCELLED', actorUserId: 'u1', reason: null })]);
    expect(() => byRecipient.cancel('RECIPIENT', null, 'u1', NOW)).toThrow(expect.objectContaining({ code: 'ILLEGAL_CLAIM_TRANSITION' }));

    const byDonor = Claim.confirm(input(), NOW);
    expect(() => byDonor.cancel('DONOR', '  ', 'u9', NOW)).toThrow(expect.objectContaining({ code: 'CANCELLATION_REASON_REQUIRED', field: 'reason' }));
    expect(byDonor.status).toBe('CONFIRMED');
    byDonor.cancel('DONOR', ' Stock abîmé ', 'u9', NOW);
    expect(byDonor.toSnapshot()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'DONOR', cancellationReason: 'Stock abîmé' });
  });

  it('cannot be cancelled once collected', () => {
    const snapshot = { ...Claim.confirm(input(), NOW).toSnapshot(), status: 'COLLECTED' as const };
    expect(() => Claim.restore(snapshot).cancel('RECIPIENT', null, 'u1', NOW)).toThrow(DomainError);
  });
});

describe('Claim at the stops of a run', () => {
  const at = { stopId: 'stop-1', actorUserId: 'driver', now: NOW };

  it('is collected and delivered as weighed: the lines follow the kilos, and each hand-over is traced with its reading', () => {
    const claim = Claim.confirm(input(), NOW);
    claim.pullEvents();
    claim.recordArrival(at);
    claim.collect(3, 4.5, at);
    expect(claim.status).toBe('COLLECTED');
    expect(claim.totalKg).toBe(3);
    expect(claim.lines.map((l) => l.kg)).toEqual([2, 0.8, 0.2]);
    expect(claim.progress).toEqual({ status: 'COLLECTED', collected: true });
    // The recipient's scale reads a little more: everything was accepted.
    claim.deliver(3.05, 6, at);
    expect(claim.status).toBe('DELIVERED');
    expect(claim.totalKg).toBe(3.05);
    expect(claim.refusal).toBeNull();
    const events = claim.pullEvents();
    expect(events.map((event) => [event.kind, event.lines.length, event.temperatureC, event.stopId])).toEqual([
      ['STOP_ARRIVED', 0, null, 'stop-1'],
      ['COLLECTED', 3, 4.5, 'stop-1'],
      ['DELIVERED', 3, 6, 'stop-1'],
    ]);
    expect(events[1]?.lines.map((l) => l.kg)).toEqual([2, 0.8, 0.2]);
  });

  it('is refused at collection or at delivery, with its reason; the goods go to nobody', () => {
    const atCollection = Claim.confirm(input(), NOW);
    atCollection.pullEvents();
    atCollection.refuse('HYGIENE', null, null, at);
    expect(atCollection.toSnapshot()).toMatchObject({ status: 'REFUSED', refusalReason: 'HYGIENE', refusalNote: null, refusedKg: 3.75, collectedAt: null });
    expect(atCollection.progress).toEqual({ status: 'REFUSED', collected: false });
    expect(atCollection.pullEvents()).toEqual([expect.objectContaining({ kind: 'REFUSED', reason: 'HYGIENE', to: null })]);
    const atDelivery = Claim.confirm(input(), NOW);
    atDelivery.collect(3.5, 3, at);
    atDelivery.refuse('OTHER', 'plus de place en chambre froide', 9, at);
    expect(atDelivery.toSnapshot()).toMatchObject({ status: 'REFUSED', refusalReason: 'OTHER', refusalNote: 'plus de place en chambre froide' });
    expect(atDelivery.refusal).toEqual({ reason: 'OTHER', detail: 'plus de place en chambre froide', kg: 3.5 });
    expect(atDelivery.progress).toEqual({ status: 'REFUSED', collected: true });
    expect(() => atDelivery.deliver(1, null, at)).toThrow(expect.objectContaining({ code: 'ILLEGAL_CLAIM_TRANSITION' }));
  });

  it('is cancelled when nobody hands the goods over; at delivery a no-show is only recorded', () => {
    const claim = Claim.confirm(input(), NOW);
    claim.pullEvents();
    claim.recordNoShow('COLLECTION', at);
    expect(claim.toSnapshot()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'NO_SHOW' });
    expect(claim.pullEvents()).toEqual([expect.objectContaining({ kind: 'NO_SHOW', to: null })]);
    const collected = Claim.confirm(input(), NOW);
    expect(() => collected.recordNoShow('DELIVERY', at)).toThrow(expect.objectContaining({ code: 'ILLEGAL_CLAIM_TRANSITION' }));
    collected.collect(3, null, at);
    collected.pullEvents();
    collected.recordNoShow('DELIVERY', at);
    expect(collected.status).toBe('COLLECTED');
    expect(collected.pullEvents()).toEqual([expect.objectContaining({ kind: 'NO_SHOW', lines: [] })]);
  });

  it('is delivered in part: the lines become what the recipient accepted, the rest is traced as refused, line by line, with its reason', () => {
    const claim = Claim.confirm(input(), NOW);
    claim.collect(3, 4, at);
    claim.pullEvents();
    claim.deliver(2.4, 5, at, { reason: 'VISUAL_CHECK', detail: 'cartons écrasés' });
    expect(claim.status).toBe('DELIVERED');
    expect(claim.lines.map((l) => l.kg)).toEqual([1.6, 0.64, 0.16]);
    expect(claim.totalKg).toBe(2.4);
    expect(claim.refusal).toEqual({ reason: 'VISUAL_CHECK', detail: 'cartons écrasés', kg: 0.6 });
    expect(claim.toSnapshot()).toMatchObject({ refusalReason: 'VISUAL_CHECK', refusalNote: 'cartons écrasés', refusedKg: 0.6 });
    const [delivered, refused, ...rest] = claim.pullEvents();
    expect(rest).toEqual([]);
    expect(delivered).toMatchObject({ kind: 'DELIVERED', reason: null, temperatureC: 5, stopId: 'stop-1', to: { organizationId: 'r1', siteId: 's2' } });
    expect(delivered?.lines.map((l) => l.kg)).toEqual([1.6, 0.64, 0.16]);
    // Every field a recall searches by, on each refused line; the goods go to nobody.
    expect(refused).toMatchObject({
      kind: 'REFUSED',
      reason: 'VISUAL_CHECK: cartons écrasés',
      temperatureC: 5,
      stopId: 'stop-1',
      from: { organizationId: 'd1', siteId: 's1' },
      to: null,
      claimId: 'c1',
      offerId: 'o1',
    });
    expect(refused?.lines).toEqual([
      { itemId: 'i1', category: 'FOOD.DRY', gtin: '3017620422003', lotNumber: 'L42', kg: 0.4, temperature: 'AMBIENT' },
      { itemId: 'i2', category: 'FOOD.DRY', gtin: '3017620422003', lotNumber: 'L42', kg: 0.16, temperature: 'CHILLED' },
      { itemId: 'i3', category: 'FOOD.DRY', gtin: '3017620422003', lotNumber: 'L42', kg: 0.04, temperature: 'CHILLED' },
    ]);
  });

  it('leaves out of the refusal the lines with nothing refused', () => {
    const claim = Claim.confirm(input({ lines: [line('i1', 2), line('i2', 0.001)] }), NOW);
    claim.collect(2.001, null, at);
    claim.pullEvents();
    // 1 gram short: its exact shares are 0.9995 g of i1 and 0.0005 g of i2, so i1 gives it.
    claim.deliver(2, null, at, { reason: 'CAPACITY', detail: null });
    expect(claim.lines.map((l) => l.kg)).toEqual([1.999, 0.001]);
    const refused = claim.pullEvents().find((event) => event.kind === 'REFUSED');
    expect(refused?.lines.map((l) => [l.itemId, l.kg])).toEqual([['i1', 0.001]]);
    expect(claim.refusal).toEqual({ reason: 'CAPACITY', detail: null, kg: 0.001 });
  });

  it('takes a refusal exactly when the kilos fall short of the collection (the run judged it): anything else is a bug', () => {
    const short = Claim.confirm(input(), NOW);
    short.collect(3, null, at);
    expect(() => short.deliver(2.999, null, at)).toThrow(/refusal missing/);
    const whole = Claim.confirm(input(), NOW);
    whole.collect(3, null, at);
    expect(() => whole.deliver(3, null, at, { reason: 'HYGIENE', detail: null })).toThrow(/refusal without a shortfall/);
    expect(whole.status).toBe('COLLECTED');
  });
});

describe('Spreading one weighing over a claim’s lines', () => {
  const grams = (lines: ReadonlyArray<{ kg: number }>) => lines.map((l) => Math.round(l.kg * 1000));

  it('gives each line its share rounded down to the gram, the grams left over to the largest remainders, earlier lines first on a tie', () => {
    const thirds = [line('a', 1), line('b', 1), line('c', 1)];
    expect(scaledLines(thirds, 1).map((l) => l.kg)).toEqual([0.334, 0.333, 0.333]);
    expect(scaledLines(thirds, 0.002).map((l) => l.kg)).toEqual([0.001, 0.001, 0]);
    // 11 kg over 7, 2 and 1 kg falls on whole grams; 9.999 kg gives 6 999.3, 1 999.8 and 999.9 g: the 2 grams left go to the last two.
    expect(scaledLines([line('a', 7), line('b', 2), line('c', 1)], 11).map((l) => l.kg)).toEqual([7.7, 2.2, 1.1]);
    expect(scaledLines([line('a', 7), line('b', 2), line('c', 1)], 9.999).map((l) => l.kg)).toEqual([6.999, 2, 1]);
  });

  it('adds up to exactly the kilos weighed, keeps each line within a gram of its share, and never raises a line when scaling down (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 110_000_000 }),
        (held, wantedGrams) => {
          fc.pre(held.some((g) => g > 0));
          const lines = held.map((g, index) => line(`i${index}`, g / 1000));
          const scaled = grams(scaledLines(lines, wantedGrams / 1000));
          const total = held.reduce((sum, g) => sum + g, 0);
          expect(scaled.reduce((sum, g) => sum + g, 0)).toBe(wantedGrams);
          scaled.forEach((g, index) => {
            const exact = ((held[index] ?? 0) * wantedGrams) / total;
            expect(Math.abs(g - exact)).toBeLessThan(1.000001);
            if (wantedGrams <= total) expect(g).toBeLessThanOrEqual(held[index] ?? 0);
          });
          const refused = refusedLines(lines, scaledLines(lines, Math.min(wantedGrams, total) / 1000));
          expect(refused.every((l) => l.kg > 0)).toBe(true);
          expect(grams(refused).reduce((sum, g) => sum + g, 0)).toBe(total - Math.min(wantedGrams, total));
        },
      ),
    );
  });
});

describe('idempotency keys', () => {
  it('take 8 to 128 characters of letters, digits and _ - : .', () => {
    expect(parseIdempotencyKey('claim:2026-11-23_a.b')).toBe('claim:2026-11-23_a.b');
    for (const bad of ['short', 'x'.repeat(129), 'has space 123', 'quote"1234', 'é'.repeat(10)]) {
      expect(() => parseIdempotencyKey(bad)).toThrow(expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY', field: 'idempotencyKey' }));
    }
  });
});
