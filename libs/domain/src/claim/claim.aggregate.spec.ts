import { DomainError } from '../errors/domain-error';
import { TemperatureClass } from '../shared/temperature-class';
import { Claim, scaledLines, type NewClaimInput } from './claim.aggregate';
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
    claim.deliver(2.9, 6, at);
    expect(claim.status).toBe('DELIVERED');
    expect(claim.totalKg).toBe(2.9);
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
    expect(atCollection.toSnapshot()).toMatchObject({ status: 'REFUSED', refusalReason: 'HYGIENE', refusalNote: null });
    expect(atCollection.pullEvents()).toEqual([expect.objectContaining({ kind: 'REFUSED', reason: 'HYGIENE', to: null })]);
    const atDelivery = Claim.confirm(input(), NOW);
    atDelivery.collect(3.75, 3, at);
    atDelivery.refuse('OTHER', 'plus de place en chambre froide', 9, at);
    expect(atDelivery.toSnapshot()).toMatchObject({ status: 'REFUSED', refusalReason: 'OTHER', refusalNote: 'plus de place en chambre froide' });
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

  it('scales lines in whole grams, the last line taking what is left', () => {
    const lines = [line('a', 1), line('b', 1), line('c', 1)];
    expect(scaledLines(lines, 1).map((l) => l.kg)).toEqual([0.333, 0.333, 0.334]);
    expect(scaledLines(lines, 0.002).map((l) => l.kg)).toEqual([0, 0, 0.002]);
    expect(scaledLines(lines, 4.5).reduce((sum, l) => sum + l.kg * 1000, 0)).toBe(4500);
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
