import { matchReason } from '#matching';
import { TemperatureClass } from '#domain';
import { discloseOfferMatch } from './offer-match-disclosure';
import type { OfferMatchResult } from './offer-match.model';

const match: OfferMatchResult = {
  offerId: 'offer',
  recipientOrganizationId: 'recipient',
  siteId: 'site',
  distanceKm: 3.24,
  score: 0.8,
  rank: 1,
  reasons: [
    matchReason('SCORE_DISTANCE', { distanceKm: 3.24, radiusKm: 25 }),
    matchReason('SCORE_CAPACITY_FIT', { absorbableKg: 40, offerKg: 120 }),
    matchReason('SCORE_FAIRNESS', { kgPerPersonPerWeek: 0.4 }),
    matchReason('RECIPIENT_VERIFIED', {}),
    matchReason('WITHIN_RADIUS', { distanceKm: 3.24, radiusKm: 25 }),
    matchReason('CAPACITY_AVAILABLE', { temperature: TemperatureClass.CHILLED, freeKg: 40 }),
  ],
  eligibleItems: [],
  absorbableKg: 40,
  fit: 'PART_OF_LOT',
};

describe('discloseOfferMatch', () => {
  it('tells the recipient itself and platform admins every reason worth telling, and the kg it could take', () => {
    const full = discloseOfferMatch(match, 'FULL');
    expect(full.absorbableKg).toBe(40);
    expect(full.reasons.map((reason) => reason.code)).toEqual([
      'SCORE_DISTANCE',
      'SCORE_CAPACITY_FIT',
      'SCORE_FAIRNESS',
      'RECIPIENT_VERIFIED',
      'CAPACITY_AVAILABLE',
    ]);
  });

  it('tells a donor the habilitation, the distance and the coarse fit, and no figure of the private profile', () => {
    const donor = discloseOfferMatch(match, 'DONOR');
    expect(donor.absorbableKg).toBeUndefined();
    expect(donor.fit).toBe('PART_OF_LOT');
    expect(donor.reasons.map((reason) => reason.fr)).toEqual(['habilitation vérifiée', 'à 3,2 km', 'peut prendre une partie du lot']);
    expect(donor.reasons.map((reason) => reason.en)).toEqual(['habilitation verified', '3.2 km away', 'can take part of the lot']);
    const said = JSON.stringify(donor);
    for (const secret of ['25', '40', '0.4', 'radius', 'rayon']) expect(said).not.toContain(secret);
  });

  it('says "the whole lot" when the recipient can take it all', () => {
    expect(discloseOfferMatch({ ...match, fit: 'WHOLE_LOT' }, 'DONOR').reasons.at(-1)?.en).toBe('can take the whole lot');
  });
});
