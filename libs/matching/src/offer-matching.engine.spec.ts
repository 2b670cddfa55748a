import type { MatchableOffer, MatchableRecipient } from './matching-input.type';
import { matchOffer, type MatchCandidate } from './offer-matching.engine';

const NOW = new Date('2025-06-10T06:00:00Z');
const OFFER: MatchableOffer = {
  id: 'offer-1',
  pickupFrom: new Date('2025-06-10T08:00:00Z'),
  pickupUntil: new Date('2025-06-10T10:00:00Z'),
  items: [
    { id: 'bread', categoryCode: 'FOOD.BAKERY.BREAD', remainingKg: 30, temperature: 'AMBIENT', dateKind: 'NONE', date: null },
    { id: 'yogurts', categoryCode: 'FOOD.DAIRY.YOGURT', remainingKg: 20, temperature: 'CHILLED', dateKind: 'DLC', date: '2025-06-13' },
  ],
};

function candidate(id: string, distanceKm: number, overrides: Partial<MatchableRecipient> = {}, kgReceivedLast28Days = 0): MatchCandidate {
  return {
    recipient: {
      id,
      verified: true,
      acceptedCategoryCodes: ['FOOD'],
      serviceRadiusKm: 20,
      dailyCapacityKg: { AMBIENT: 100, CHILLED: 100 },
      ...overrides,
    },
    context: {
      now: NOW,
      distanceKm,
      claimedKgOnPickupDay: {},
      receivingIntervals: [{ from: new Date('2025-06-10T07:00:00Z'), to: new Date('2025-06-10T16:00:00Z') }],
      closedOnPickupDay: false,
    },
    history: { kgReceivedLast28Days, peopleServedPerWeek: 50 },
  };
}

describe('matchOffer', () => {
  it('ranks the eligible recipients best first and sets the others aside with their reasons', () => {
    const result = matchOffer(OFFER, [
      candidate('far', 15),
      candidate('unverified', 1, { verified: false }),
      candidate('near', 2),
      candidate('out-of-reach', 25),
    ]);

    expect(result.matches.map((match) => [match.rank, match.recipientId])).toEqual([
      [1, 'near'],
      [2, 'far'],
    ]);
    expect(result.rejected.map((rejection) => rejection.recipientId)).toEqual(['unverified', 'out-of-reach']);
    expect(result.rejected[1]?.reasons.find((reason) => reason.verdict === 'FAIL')?.code).toBe('OUTSIDE_RADIUS');
  });

  it('explains each match: why it ranks there first, then why it may receive the lot', () => {
    const [best] = matchOffer(OFFER, [candidate('near', 2)]).matches;

    expect(best?.reasons[0]?.code).toBe('SCORE_DISTANCE');
    expect(best?.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['WITHIN_RADIUS', 'CAPACITY_AVAILABLE', 'DLC_MARGIN_MET']));
    expect(best?.absorbableKg).toBe(50);
  });

  it('tells a recipient that can only take part of the lot which items it can have', () => {
    const [match] = matchOffer(OFFER, [candidate('dry-only', 2, { acceptedCategoryCodes: ['FOOD.BAKERY'] })]).matches;

    expect(match?.eligibleItems.map((item) => item.itemId)).toEqual(['bread']);
    expect(match?.reasons.find((reason) => reason.verdict === 'FAIL')?.itemId).toBe('yogurts');
  });

  it('lets the less served of two equally near recipients hear first', () => {
    const result = matchOffer(OFFER, [candidate('a-well-served', 5, {}, 5000), candidate('b-less-served', 5, {}, 100)]);

    expect(result.matches.map((match) => match.recipientId)).toEqual(['b-less-served', 'a-well-served']);
  });

  it('gives the same ranking for the same inputs in any order', () => {
    const candidates = [candidate('c', 5), candidate('a', 5), candidate('b', 5)];
    const forward = matchOffer(OFFER, candidates).matches.map((match) => match.recipientId);
    const backward = matchOffer(OFFER, [...candidates].reverse()).matches.map((match) => match.recipientId);

    expect(forward).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });
});
