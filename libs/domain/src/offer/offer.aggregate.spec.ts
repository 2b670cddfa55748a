import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { DateKind } from '../shared/date-kind';
import { OfferStatus } from '../shared/offer-status';
import { TemperatureClass } from '../shared/temperature-class';
import { type NewOfferInput, Offer, type OfferSnapshot } from './offer.aggregate';
import type { OfferItemInput } from './offer-item';

const now = new Date('2025-07-14T08:00:00Z'); // Monday 10:00 Paris
const HOUR = 3_600_000;

const item = (id: string, overrides: Partial<OfferItemInput> = {}): OfferItemInput & { id: string } => ({
  id,
  category: 'FOOD.DAIRY.YOGURT',
  description: 'Yaourts',
  quantityKg: 10,
  temperature: TemperatureClass.CHILLED,
  dateKind: DateKind.DLC,
  date: '2025-07-20',
  ...overrides,
});

const input = (overrides: Partial<NewOfferInput> = {}): NewOfferInput => ({
  id: 'offer-1',
  donorOrganizationId: 'donor-1',
  siteId: 'site-1',
  title: 'Fin de journée',
  items: [item('a'), item('b', { quantityKg: 5.5, dateKind: DateKind.NONE, date: null, category: 'FOOD.FRUIT_VEG' })],
  pickupFrom: new Date(now.getTime() + HOUR),
  pickupUntil: new Date(now.getTime() + 8 * HOUR),
  ...overrides,
});

const published = (overrides: Partial<NewOfferInput> = {}) => {
  const offer = Offer.create(input(overrides), now);
  offer.publish(now);
  return offer;
};

const expectError = (act: () => unknown, code: string, field?: string) => {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject(field === undefined ? { code } : { code, field });
};

const terms = { now, dlcMarginHours: 48 };

describe('Offer.create', () => {
  it('makes a DRAFT with everything remaining', () => {
    const offer = Offer.create(input(), now);
    expect(offer.status).toBe(OfferStatus.DRAFT);
    expect(offer.totalKg).toBe(15.5);
    expect(offer.remainingKg).toBe(15.5);
    expect(offer.items.map((i) => i.remainingKg)).toEqual([10, 5.5]);
    expect(offer.createdAt).toEqual(now);
    expect(offer.publishedAt).toBeNull();
  });

  it.each<[string, Partial<NewOfferInput>, string, string]>([
    ['an empty title', { title: '  ' }, 'INVALID_OFFER_TITLE', 'title'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'INVALID_OFFER_TITLE', 'title'],
    ['no items', { items: [] }, 'OFFER_WITHOUT_ITEMS', 'items'],
    ['101 items', { items: Array.from({ length: 101 }, (_, i) => item(`i${i}`)) }, 'OFFER_TOO_MANY_ITEMS', 'items'],
    ['a window ending before it starts', { pickupUntil: new Date(now.getTime() + HOUR / 2) }, 'PICKUP_WINDOW_END_BEFORE_START', 'pickupUntil'],
    ['an empty window', { pickupUntil: new Date(now.getTime() + HOUR) }, 'PICKUP_WINDOW_END_BEFORE_START', 'pickupUntil'],
    [
      'a window already over',
      { pickupFrom: new Date(now.getTime() - 5 * HOUR), pickupUntil: new Date(now.getTime() - HOUR) },
      'PICKUP_WINDOW_OVER',
      'pickupUntil',
    ],
    ['a window over 14 days', { pickupUntil: new Date(now.getTime() + HOUR + 14 * 24 * HOUR + 1) }, 'PICKUP_WINDOW_TOO_LONG', 'pickupUntil'],
    ['an invalid instant', { pickupFrom: new Date(Number.NaN) }, 'INVALID_DATETIME', 'pickupFrom'],
    ['an invalid item', { items: [item('a'), item('b', { gtin: '123' })] }, 'INVALID_GTIN', 'items.1.gtin'],
    ['a past DLC', { items: [item('a'), item('b', { date: '2025-07-13' })] }, 'DLC_EXPIRED', 'items.1.date'],
    ['two items with one id', { items: [item('a'), item('a')] }, 'DUPLICATE_OFFER_ITEM_ID', 'items.1'],
  ])('refuses %s', (_case, overrides, code, field) => {
    expectError(() => Offer.create(input(overrides), now), code, field);
  });

  it('accepts 100 items and a window of exactly 14 days that started earlier', () => {
    expect(() =>
      Offer.create(
        input({
          items: Array.from({ length: 100 }, (_, i) => item(`i${i}`)),
          pickupFrom: new Date(now.getTime() - HOUR),
          pickupUntil: new Date(now.getTime() - HOUR + 14 * 24 * HOUR),
        }),
        now,
      ),
    ).not.toThrow();
  });
});

describe('Offer lifecycle', () => {
  it('publishes a draft', () => {
    const offer = published();
    expect(offer.status).toBe(OfferStatus.PUBLISHED);
    expect(offer.publishedAt).toEqual(now);
  });

  it('refuses to publish once a DLC has passed, naming the item', () => {
    const offer = Offer.create(input({ items: [item('a', { dateKind: DateKind.DDM }), item('b', { date: '2025-07-14' })] }), now);
    expectError(() => offer.publish(new Date('2025-07-14T22:00:00Z')), 'PICKUP_WINDOW_OVER');
    const early = Offer.create(
      input({ items: [item('a', { dateKind: DateKind.DDM }), item('b', { date: '2025-07-14' })], pickupUntil: new Date('2025-07-16T08:00:00Z') }),
      now,
    );
    expectError(() => early.publish(new Date('2025-07-14T22:00:00Z')), 'DLC_EXPIRED', 'items.1.date');
    expect(early.status).toBe(OfferStatus.DRAFT);
  });

  it('refuses to publish twice', () => {
    const offer = published();
    expectError(() => offer.publish(now), 'ILLEGAL_OFFER_TRANSITION');
  });

  it('withdraws with a reason, not after collection', () => {
    const offer = published();
    expectError(() => offer.withdraw('  ', now), 'WITHDRAW_REASON_REQUIRED', 'reason');
    offer.withdraw(' Stock vendu ', now);
    expect(offer.status).toBe(OfferStatus.WITHDRAWN);
    expect(offer.withdrawalReason).toBe('Stock vendu');

    const collected = published();
    collected.claim(
      [
        { itemId: 'a', quantityKg: 10 },
        { itemId: 'b', quantityKg: 5.5 },
      ],
      terms,
    );
    expect(collected.followClaims([{ status: 'COLLECTED', collected: true }], now)).toBe(true);
    expectError(() => collected.withdraw('Erreur', now), 'ILLEGAL_OFFER_TRANSITION');
    expect(collected.status).toBe(OfferStatus.COLLECTED);
  });

  it('expires when the window is over, not before', () => {
    const offer = published();
    expect(offer.expiryReasonAt(now)).toBeNull();
    expectError(() => offer.expire(now), 'OFFER_NOT_DUE_TO_EXPIRE');
    offer.expire(new Date(now.getTime() + 8 * HOUR));
    expect(offer.status).toBe(OfferStatus.EXPIRED);
    expect(offer.expiryReason).toBe('WINDOW_OVER');
  });

  it('expires early when no remaining DLC item leaves any recipient its margin', () => {
    // DLC 15 July ends 22:00Z on the 15th; the window ends 16:00Z on the 14th: 30 h left.
    const offer = published({ items: [item('a', { date: '2025-07-15' })] });
    expect(offer.expiryReasonAt(now, 24)).toBeNull();
    expect(offer.expiryReasonAt(now, 48)).toBe('NO_DLC_MARGIN_LEFT');
    offer.expire(now, 48);
    expect(offer.expiryReason).toBe('NO_DLC_MARGIN_LEFT');
  });

  it('keeps an offer with undated goods open whatever the margins', () => {
    const offer = published({ items: [item('a', { date: '2025-07-15' }), item('b', { dateKind: DateKind.NONE, date: null })] });
    expect(offer.expiryReasonAt(now, 240)).toBeNull();
  });
});

describe('An offer follows its goods', () => {
  const after = new Date(now.getTime() + 9 * HOUR);
  const claimedBy = (lines: Array<[string, number]>) => {
    const offer = published();
    offer.claim(
      lines.map(([itemId, quantityKg]) => ({ itemId, quantityKg })),
      terms,
    );
    offer.pullEvents();
    return offer;
  };
  const confirmed = { status: 'CONFIRMED', collected: false } as const;
  const collected = { status: 'COLLECTED', collected: true } as const;
  const delivered = { status: 'DELIVERED', collected: true } as const;
  const refusedAfterCollection = { status: 'REFUSED', collected: true } as const;
  const refusedAtCollection = { status: 'REFUSED', collected: false } as const;
  const cancelled = { status: 'CANCELLED', collected: false } as const;
  const whole: Array<[string, number]> = [
    ['a', 10],
    ['b', 5.5],
  ];

  it('is COLLECTED once fully claimed and no claim waits for collection any more, whatever became of the goods since', () => {
    for (const claims of [[collected], [delivered, refusedAfterCollection], [collected, cancelled], [refusedAtCollection, delivered]]) {
      const offer = claimedBy(whole);
      expect(offer.followClaims(claims, now)).toBe(true);
      expect(offer.status).toBe(OfferStatus.COLLECTED);
      expect(offer.pullEvents()).toEqual([]);
      // Once is enough: it never moves again (nothing takes it back, and CLOSED is not reached yet).
      expect(offer.followClaims(claims, now)).toBe(false);
      expect(offer.status).toBe(OfferStatus.COLLECTED);
    }
  });

  it('waits while a claim is still to be collected, or when no goods ever left the site', () => {
    for (const claims of [[collected, confirmed], [confirmed], [refusedAtCollection], [cancelled], []]) {
      const offer = claimedBy(whole);
      expect(offer.followClaims(claims, after)).toBe(false);
      expect(offer.status).toBe(OfferStatus.CLAIMED);
    }
  });

  it('waits while part of it can still be claimed; past its window it expires, what stayed at the donor’s traced, then is COLLECTED', () => {
    const open = claimedBy([['a', 4]]);
    expect(open.followClaims([collected], now)).toBe(false);
    expect(open.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
    expect(open.followClaims([collected], after)).toBe(true);
    expect(open.status).toBe(OfferStatus.COLLECTED);
    expect(open.expiryReason).toBe('WINDOW_OVER');
    expect(open.pullEvents()).toEqual([
      expect.objectContaining({
        kind: 'OFFER_EXPIRED',
        lines: [expect.objectContaining({ itemId: 'a', kg: 6 }), expect.objectContaining({ itemId: 'b', kg: 5.5 })],
      }),
    ]);
    // Past its window with a claim still to collect: the expiry sweep's to expire, not this.
    const waiting = claimedBy([['a', 4]]);
    expect(waiting.followClaims([collected, confirmed], after)).toBe(false);
    expect(waiting.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
  });

  it('moves an EXPIRED offer on once its last claim is collected', () => {
    const offer = claimedBy([['a', 4]]);
    offer.expire(after);
    expect(offer.followClaims([collected, confirmed], after)).toBe(false);
    expect(offer.followClaims([collected, delivered], after)).toBe(true);
    expect(offer.status).toBe(OfferStatus.COLLECTED);
  });

  it('never moves an offer withdrawn, a draft or one nobody claimed', () => {
    const withdrawn = published();
    withdrawn.withdraw('Vendu', now);
    const draft = Offer.create(input(), now);
    for (const offer of [withdrawn, draft, published()]) {
      const before = offer.status;
      expect(offer.followClaims([collected], now)).toBe(false);
      expect(offer.status).toBe(before);
    }
  });
});

describe('Offer claims', () => {
  it('moves to PARTIALLY_CLAIMED, then CLAIMED when nothing remains', () => {
    const offer = published();
    offer.claim([{ itemId: 'a', quantityKg: 4 }], terms);
    expect(offer.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
    expect(offer.remainingKg).toBe(11.5);
    offer.claim(
      [
        { itemId: 'a', quantityKg: 6 },
        { itemId: 'b', quantityKg: 5.5 },
      ],
      terms,
    );
    expect(offer.status).toBe(OfferStatus.CLAIMED);
    expect(offer.remainingKg).toBe(0);
  });

  it('goes back as claims are cancelled', () => {
    const offer = published();
    offer.claim(
      [
        { itemId: 'a', quantityKg: 10 },
        { itemId: 'b', quantityKg: 5.5 },
      ],
      terms,
    );
    offer.release([{ itemId: 'b', quantityKg: 5.5 }], now);
    expect(offer.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
    offer.release([{ itemId: 'a', quantityKg: 10 }], now);
    expect(offer.status).toBe(OfferStatus.PUBLISHED);
    expect(offer.remainingKg).toBe(15.5);
  });

  it('does not reopen a lot given back after its pickup window: it expires, its other claims stay collectable', () => {
    const offer = published();
    offer.claim(
      [
        { itemId: 'a', quantityKg: 10 },
        { itemId: 'b', quantityKg: 5.5 },
      ],
      terms,
    );
    offer.pullEvents();
    const late = new Date(now.getTime() + 9 * HOUR);
    offer.release([{ itemId: 'b', quantityKg: 5.5 }], late);
    expect(offer.status).toBe(OfferStatus.EXPIRED);
    expect(offer.toSnapshot().expiryReason).toBe('WINDOW_OVER');
    expect(offer.pullEvents().map((event) => event.kind)).toEqual(['OFFER_EXPIRED']);
    offer.release([{ itemId: 'a', quantityKg: 10 }], late);
    expect(offer.status).toBe(OfferStatus.EXPIRED);
    expect(offer.remainingKg).toBe(15.5);
  });

  it('reopens a fully claimed lot given back inside its window', () => {
    const offer = published();
    offer.claim(
      [
        { itemId: 'a', quantityKg: 10 },
        { itemId: 'b', quantityKg: 5.5 },
      ],
      terms,
    );
    offer.release([{ itemId: 'a', quantityKg: 10 }], new Date(now.getTime() + 7 * HOUR));
    expect(offer.status).toBe(OfferStatus.PARTIALLY_CLAIMED);
  });

  it('refuses more than remains, summing lines on one item, and changes nothing', () => {
    const offer = published();
    expectError(
      () =>
        offer.claim(
          [
            { itemId: 'a', quantityKg: 6 },
            { itemId: 'a', quantityKg: 4.5 },
          ],
          terms,
        ),
      'CLAIM_EXCEEDS_REMAINING',
      'lines.1.quantityKg',
    );
    expect(offer.remainingKg).toBe(15.5);
    expect(offer.status).toBe(OfferStatus.PUBLISHED);
  });

  it.each<[string, Array<{ itemId: string; quantityKg: number }>, string, string]>([
    ['no lines', [], 'CLAIM_WITHOUT_LINES', 'lines'],
    ['an unknown item', [{ itemId: 'z', quantityKg: 1 }], 'UNKNOWN_OFFER_ITEM', 'lines.0.itemId'],
    ['zero kg', [{ itemId: 'a', quantityKg: 0 }], 'INVALID_QUANTITY', 'lines.0.quantityKg'],
  ])('refuses a claim with %s', (_case, lines, code, field) => {
    expectError(() => published().claim(lines, terms), code, field);
  });

  it('refuses a DLC item whose margin the recipient cannot have', () => {
    const offer = published({ items: [item('a', { date: '2025-07-15' }), item('b', { dateKind: DateKind.DDM, date: '2025-07-01' })] });
    expectError(() => offer.claim([{ itemId: 'a', quantityKg: 1 }], terms), 'DLC_MARGIN_NOT_MET', 'lines.0.itemId');
    offer.claim([{ itemId: 'a', quantityKg: 1 }], { now, dlcMarginHours: 24 });
    expect(offer.item('a')?.remainingKg).toBe(9);
    expect(offer.offerableItems(now, 48).map(({ item: i, verdict }) => [i.id, verdict.reason])).toEqual([['b', 'DDM_PAST']]);
  });

  it('refuses a claim on a draft before looking at the lines', () => {
    const draft = Offer.create(input(), now);
    expectError(() => draft.claim([{ itemId: 'z', quantityKg: -1 }], terms), 'ILLEGAL_OFFER_TRANSITION');
  });

  it('refuses to release what was not claimed', () => {
    const offer = published();
    offer.claim([{ itemId: 'a', quantityKg: 2 }], terms);
    expectError(() => offer.release([{ itemId: 'a', quantityKg: 3 }], now), 'NOTHING_TO_RELEASE', 'lines.0.quantityKg');
  });

  it('keeps 0 ≤ remaining ≤ quantity and a status that matches, whatever the claims (property)', () => {
    const step = fc.record({
      release: fc.boolean(),
      itemId: fc.constantFrom('a', 'b', 'c'),
      quantityKg: fc.double({ min: 0.001, max: 12, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const offer = published({
          items: [item('a', { quantityKg: 0.1 }), item('b', { quantityKg: 7.3 }), item('c', { quantityKg: 0.2 })],
        });
        for (const s of steps) {
          const before = offer.toSnapshot();
          try {
            if (s.release) offer.release([{ itemId: s.itemId, quantityKg: s.quantityKg }], now);
            else offer.claim([{ itemId: s.itemId, quantityKg: s.quantityKg }], terms);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect(offer.toSnapshot()).toEqual(before);
          }
          for (const i of offer.items) {
            expect(i.remainingKg).toBeGreaterThanOrEqual(0);
            expect(i.remainingKg).toBeLessThanOrEqual(i.quantityKg);
          }
          const expected =
            offer.remainingKg === 0 ? OfferStatus.CLAIMED : offer.remainingKg === offer.totalKg ? OfferStatus.PUBLISHED : OfferStatus.PARTIALLY_CLAIMED;
          expect(offer.status).toBe(expected);
        }
      }),
    );
  });
});

describe('Offer snapshots', () => {
  it('round-trip, and cannot be used to change the offer', () => {
    const offer = published();
    const snapshot = offer.toSnapshot();
    expect(Offer.restore(snapshot).toSnapshot()).toEqual(snapshot);
    snapshot.pickupUntil.setTime(0);
    expect(offer.pickupUntil.getTime()).not.toBe(0);
  });

  it('refuse a snapshot that breaks an invariant', () => {
    const snapshot = published().toSnapshot();
    const broken: OfferSnapshot = { ...snapshot, items: snapshot.items.map((i) => ({ ...i, remainingKg: i.quantityKg + 1 })) };
    expect(() => Offer.restore(broken)).toThrow(/kg left/);
    expect(() => Offer.restore({ ...snapshot, items: [] })).toThrow(/no items/);
  });
});
