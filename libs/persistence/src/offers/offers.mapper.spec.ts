import { DateKind, GeoPoint, Offer, OfferStatus, TemperatureClass } from '#domain';
import type { ClaimLineEntity } from './claim-line.entity';
import type { ClaimEntity } from './claim.entity';
import { NUMERIC_KG } from './numeric-column';
import { kg, toGeoPoint, toOffer, toOfferClaim, toOfferEntity, toOfferItemEntities, toPoint } from './offers.mapper';

const NOW = new Date('2026-03-10T09:00:00Z');
const ID = '11111111-1111-4111-8111-111111111111';

function anOffer(): Offer {
  return Offer.create(
    {
      id: ID,
      donorOrganizationId: '22222222-2222-4222-8222-222222222222',
      siteId: '33333333-3333-4333-8333-333333333333',
      title: 'Invendus',
      items: [
        {
          id: '44444444-4444-4444-8444-444444444444',
          category: 'FOOD.DAIRY.YOGURT',
          description: 'Yaourts',
          quantityKg: 10.125,
          temperature: TemperatureClass.CHILLED,
          dateKind: DateKind.DLC,
          date: '2026-03-20',
          allergens: ['milk'],
          gtin: '4006381333931',
          lotNumber: 'L1',
          unitCostCents: 150,
        },
        {
          id: '55555555-5555-4555-8555-555555555555',
          category: 'FOOD',
          description: 'Pâtes',
          quantityKg: 3,
          temperature: TemperatureClass.AMBIENT,
          dateKind: DateKind.NONE,
        },
      ],
      pickupFrom: new Date('2026-03-10T10:00:00Z'),
      pickupUntil: new Date('2026-03-10T16:00:00Z'),
    },
    NOW,
  );
}

describe('offers mapper', () => {
  it('round-trips an offer through its rows, items in their given order whatever order they come back in', () => {
    const offer = anOffer();
    const location = GeoPoint.of(48.8566, 2.3522);
    const row = toOfferEntity(offer, { location, createdBy: null, version: 3 });
    const items = toOfferItemEntities(offer);
    expect(row).toMatchObject({
      status: 'DRAFT',
      totalKg: 13.125,
      remainingKg: 13.125,
      version: 3,
      location: { type: 'Point', coordinates: [2.3522, 48.8566] },
    });
    expect(items.map((item) => item.position)).toEqual([0, 1]);

    const back = toOffer(row, [...items].reverse());
    expect(back.toSnapshot()).toEqual(offer.toSnapshot());
    expect(toGeoPoint(row.location)).toEqual(location);
  });

  it('reads numeric columns given as strings by pg as numbers', () => {
    expect(NUMERIC_KG.from('12.500')).toBe(12.5);
    expect(NUMERIC_KG.from(null)).toBeNull();
    expect(kg('0.001')).toBe(0.001);
    expect(() => kg('abc')).toThrow(/invalid/);
  });

  it('refuses a stored row the domain would never have written', () => {
    const offer = anOffer();
    const row = toOfferEntity(offer, { location: GeoPoint.of(48, 2), createdBy: null, version: 1 });
    const items = toOfferItemEntities(offer);
    expect(() => toOffer({ ...row, status: 'LOST' }, items)).toThrow(/status/);
    expect(() => toOffer(row, [{ ...items[0], temperature: 'WARM' }])).toThrow(/temperature/);
    expect(() => toOffer(row, [{ ...items[0], allergens: ['PINEAPPLE'] }])).toThrow(/allergen/);
    expect(() => toOffer(row, [{ ...items[0], gtin: '4006381333932' }])).toThrow(/GTIN/);
    expect(() => toGeoPoint({ type: 'Point', coordinates: [] })).toThrow(/location/);
  });

  it('maps a claim with its lines', () => {
    const claim: ClaimEntity = {
      id: '66666666-6666-4666-8666-666666666666',
      offerId: ID,
      recipientOrganizationId: '77777777-7777-4777-8777-777777777777',
      createdBy: null,
      status: 'CONFIRMED',
      pickupDay: '2026-03-10',
      totalKg: 2.5,
      idempotencyKey: 'k',
      createdAt: NOW,
      cancelledAt: null,
      cancellationReason: null,
      refusalReason: null,
      refusalNote: null,
      refusedKg: null,
    };
    const line: ClaimLineEntity = { claimId: claim.id, offerItemId: '44444444-4444-4444-8444-444444444444', quantityKg: 2.5, temperature: 'CHILLED' };
    expect(toOfferClaim(claim, [line])).toEqual({
      id: claim.id,
      offerId: ID,
      recipientOrganizationId: claim.recipientOrganizationId,
      status: 'CONFIRMED',
      pickupDay: '2026-03-10',
      totalKg: 2.5,
      createdAt: NOW,
      lines: [{ itemId: line.offerItemId, quantityKg: 2.5, temperature: 'CHILLED' }],
      refusal: null,
    });
    expect(
      toOfferClaim({ ...claim, status: 'DELIVERED', refusalReason: 'CAPACITY', refusalNote: 'chambre froide pleine', refusedKg: 1.2 }, [line]).refusal,
    ).toEqual({
      reason: 'CAPACITY',
      detail: 'chambre froide pleine',
      kg: 1.2,
    });
    expect(() => toOfferClaim({ ...claim, status: 'LOST' }, [])).toThrow(/claim status/);
    expect(() => toOfferClaim({ ...claim, refusalReason: 'BORED', refusedKg: 1 }, [])).toThrow(/refusal reason/);
  });

  it('writes GeoJSON in longitude, latitude order', () => {
    expect(toPoint(GeoPoint.of(45.75, 4.85))).toEqual({ type: 'Point', coordinates: [4.85, 45.75] });
    expect(OfferStatus.DRAFT).toBe('DRAFT');
  });
});
