import { isCategoryWithin } from '#domain';
import { candidateParameters, categoriesWithAncestors, TimetableCache, toClaimedByDay, toMatchingOffer } from './match-candidate.mapper';

describe('matching rows to the application’s shapes', () => {
  it('lists each category with its ancestors, the codes a recipient may have accepted', () => {
    expect(categoriesWithAncestors(['FOOD.DAIRY.CHEESE', 'FOOD.DRY.CANNED', 'FOOD.DAIRY.CHEESE'])).toEqual([
      'FOOD',
      'FOOD.DAIRY',
      'FOOD.DAIRY.CHEESE',
      'FOOD.DRY',
      'FOOD.DRY.CANNED',
    ]);
  });

  it('agrees with the domain’s isCategoryWithin: accepted ∩ (codes ∪ ancestors) ≠ ∅ exactly when one code is within an accepted one', () => {
    const items = ['FOOD.DAIRY.CHEESE', 'NON_FOOD.HYGIENE.BODY'];
    for (const accepted of ['FOOD', 'FOOD.DAIRY', 'FOOD.DAIRY.CHEESE', 'FOOD.DAIRY.MILK', 'FOOD.DAIRY.CHEESE.X', 'NON_FOOD', 'FOOD.MEAT']) {
      const bySql = categoriesWithAncestors(items).includes(accepted);
      const byDomain = items.some((code) => isCategoryWithin(code, accepted));
      expect({ accepted, bySql }).toEqual({ accepted, bySql: byDomain });
    }
  });

  it('sums claimed kg per day and temperature class', () => {
    const byDay = toClaimedByDay([
      ['2026-11-23', 'CHILLED', 10],
      ['2026-11-23', 'CHILLED', 5.5],
      ['2026-11-23', 'FROZEN', 2],
      ['2026-11-24', 'AMBIENT', 1],
    ]);
    expect(Object.fromEntries(byDay)).toEqual({ '2026-11-23': { CHILLED: 15.5, FROZEN: 2 }, '2026-11-24': { AMBIENT: 1 } });
    expect(toClaimedByDay(null).size).toBe(0);
  });

  it('refuses a stored row that breaks the domain’s enums rather than matching on it', () => {
    expect(() => toClaimedByDay([['2026-11-23', 'WARM', 1]])).toThrow(/Stored claim line temperature is invalid/);
    const row = { id: 'o', donor_organization_id: 'd', site_id: 's', status: 'PUBLISHED', pickup_from: new Date(), pickup_until: new Date(), items: [] };
    expect(() => toMatchingOffer({ ...row, status: 'LOST' })).toThrow(/Stored offer status is invalid/);
    expect(toMatchingOffer({ ...row, items: null }).items).toEqual([]);
  });

  it('parses a timetable once: the same stored text gives the same objects', () => {
    const cache = new TimetableCache();
    const hours = JSON.stringify([{ weekday: 1, intervals: [{ start: '09:00', end: '12:00' }] }]);
    const row = { site_id: 's1', organization_id: 'o', opening_hours: hours, closures: '[]', distance_km: 1 };
    const first = cache.site(row);
    const second = cache.site({ ...row, site_id: 's2' });
    expect(second.openingHours).toBe(first.openingHours);
    expect(second.closures).toBe(first.closures);
    expect(second.id).toBe('s2');
  });

  it('gives the candidate query the classes left and the weekdays the window spans, or nothing when nothing is left', () => {
    const item = { id: 'i', categoryCode: 'FOOD.DAIRY.MILK', remainingKg: 5, temperature: 'CHILLED' as const, dateKind: 'NONE' as const, date: null };
    const offer = {
      id: 'o',
      donorOrganizationId: 'd',
      siteId: 's',
      status: 'PUBLISHED' as const,
      // Saturday 28 November 2026 22:00 → Monday 30 November 02:00, Paris time.
      pickupFrom: new Date('2026-11-28T21:00:00Z'),
      pickupUntil: new Date('2026-11-30T01:00:00Z'),
      items: [
        item,
        { ...item, id: 'j', categoryCode: 'FOOD.DRY.CANNED', temperature: 'AMBIENT' as const },
        { ...item, id: 'k', temperature: 'FROZEN' as const, remainingKg: 0 },
      ],
    };
    expect(candidateParameters(offer, new Date('2026-11-27T10:00:00Z'))).toEqual([
      'o',
      ['FOOD', 'FOOD.DAIRY', 'FOOD.DAIRY.MILK', 'FOOD.DRY', 'FOOD.DRY.CANNED'],
      '2026-11-27',
      '2026-11-28',
      '2026-11-30',
      ['AMBIENT', 'CHILLED'],
      [1, 6, 7],
    ]);
    expect(candidateParameters({ ...offer, items: [{ ...item, remainingKg: 0 }] }, new Date())).toBeUndefined();
  });
});
