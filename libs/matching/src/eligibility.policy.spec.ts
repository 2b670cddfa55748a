import { assessEligibility, type EligibilityAssessment } from './eligibility.policy';
import { MATCH_REASON_CODES, type MatchReason, type MatchReasonCode } from './match-reason.type';
import type { EligibilityContext, MatchableItem, MatchableOffer, MatchableRecipient } from './matching-input.type';

// Tuesday 10 June 2025, Paris summer time (UTC+2). The pickup window is 10:00–12:00 Paris.
const NOW = new Date('2025-06-10T06:00:00Z');
const PICKUP_FROM = new Date('2025-06-10T08:00:00Z');
const PICKUP_UNTIL = new Date('2025-06-10T10:00:00Z');

function item(overrides: Partial<MatchableItem> = {}): MatchableItem {
  return {
    id: 'yogurts',
    categoryCode: 'FOOD.DAIRY.YOGURT',
    remainingKg: 40,
    temperature: 'CHILLED',
    dateKind: 'DLC',
    // Ends at midnight Paris on the night of 12 to 13 June: 60 h after the window closes.
    date: '2025-06-12',
    ...overrides,
  };
}

function offer(items: readonly MatchableItem[] = [item()]): MatchableOffer {
  return { id: 'offer-1', pickupFrom: PICKUP_FROM, pickupUntil: PICKUP_UNTIL, items };
}

function recipient(overrides: Partial<MatchableRecipient> = {}): MatchableRecipient {
  return {
    id: 'epicerie-croix-rousse',
    verified: true,
    acceptedCategoryCodes: ['FOOD.DAIRY', 'FOOD.BAKERY', 'FOOD.DRY'],
    serviceRadiusKm: 30,
    dailyCapacityKg: { AMBIENT: 200, CHILLED: 100 },
    ...overrides,
  };
}

function context(overrides: Partial<EligibilityContext> = {}): EligibilityContext {
  return {
    now: NOW,
    distanceKm: 12.4,
    claimedKgOnPickupDay: {},
    // Receives goods 09:00–18:00 Paris.
    receivingIntervals: [{ from: new Date('2025-06-10T07:00:00Z'), to: new Date('2025-06-10T16:00:00Z') }],
    closedOnPickupDay: false,
    ...overrides,
  };
}

function reason(assessment: EligibilityAssessment, code: MatchReasonCode): MatchReason {
  const found = assessment.reasons.find((candidate) => candidate.code === code);
  if (found === undefined) {
    throw new Error(`no ${code} among ${assessment.reasons.map((r) => r.code).join(', ')}`);
  }
  return found;
}

function codes(assessment: EligibilityAssessment): MatchReasonCode[] {
  return assessment.reasons.map((candidate) => candidate.code);
}

describe('assessEligibility', () => {
  it('a verified recipient that takes dairy, has room in its fridge and is open during the window is eligible', () => {
    const assessment = assessEligibility(offer(), recipient(), context());

    expect(assessment.eligible).toBe(true);
    expect(assessment.eligibleItems.map((eligible) => eligible.itemId)).toEqual(['yogurts']);
    expect(codes(assessment)).toEqual(
      expect.arrayContaining([
        'RECIPIENT_VERIFIED',
        'WITHIN_RADIUS',
        'OPEN_ON_PICKUP_DAY',
        'RECEIVING_HOURS_OVERLAP',
        'CATEGORIES_ACCEPTED',
        'CAPACITY_AVAILABLE',
        'DLC_MARGIN_MET',
      ]),
    );
    expect(assessment.reasons.filter((candidate) => candidate.verdict === 'FAIL')).toEqual([]);
  });

  it('says the distance in words, in French and in English', () => {
    const within = reason(assessEligibility(offer(), recipient(), context()), 'WITHIN_RADIUS');

    expect(within.fr).toBe('à 12,4 km (rayon 30 km)');
    expect(within.en).toBe('12.4 km away (radius 30 km)');
    expect(within.params).toEqual({ distanceKm: 12.4, radiusKm: 30 });
  });

  it('a recipient whose habilitation is not verified yet is not eligible', () => {
    const assessment = assessEligibility(offer(), recipient({ verified: false }), context());

    expect(assessment.eligible).toBe(false);
    expect(assessment.eligibleItems).toEqual([]);
    expect(reason(assessment, 'RECIPIENT_NOT_VERIFIED').verdict).toBe('FAIL');
  });

  it('a recipient 52 km away with a 50 km radius is not eligible', () => {
    const assessment = assessEligibility(offer(), recipient({ serviceRadiusKm: 50 }), context({ distanceKm: 52 }));

    expect(assessment.eligible).toBe(false);
    const outside = reason(assessment, 'OUTSIDE_RADIUS');
    expect(outside.fr).toBe('à 52 km, hors du rayon de 50 km');
    expect(outside.en).toBe('52 km away, outside the 50 km radius');
  });

  it('a recipient exactly at the edge of its radius is still within reach', () => {
    const assessment = assessEligibility(offer(), recipient({ serviceRadiusKm: 50 }), context({ distanceKm: 50 }));

    expect(assessment.eligible).toBe(true);
  });

  it('a recipient closed on the pickup day is not eligible, whatever its usual hours', () => {
    const assessment = assessEligibility(offer(), recipient(), context({ closedOnPickupDay: true }));

    expect(assessment.eligible).toBe(false);
    expect(reason(assessment, 'CLOSED_ON_PICKUP_DAY').en).toBe('closed on the pickup day');
  });

  it('receiving hours that end when the pickup window opens do not overlap it', () => {
    const morning = [{ from: new Date('2025-06-10T05:00:00Z'), to: PICKUP_FROM }];
    const assessment = assessEligibility(offer(), recipient(), context({ receivingIntervals: morning }));

    expect(assessment.eligible).toBe(false);
    expect(codes(assessment)).toContain('NO_RECEIVING_HOURS_OVERLAP');
  });

  it('receiving hours that overlap the window by one minute are enough', () => {
    const lateOpening = [{ from: new Date('2025-06-10T09:59:00Z'), to: new Date('2025-06-10T16:00:00Z') }];
    const assessment = assessEligibility(offer(), recipient(), context({ receivingIntervals: lateOpening }));

    expect(assessment.eligible).toBe(true);
  });

  it('a recipient with no receiving hours that day is not eligible', () => {
    const assessment = assessEligibility(offer(), recipient(), context({ receivingIntervals: [] }));

    expect(assessment.eligible).toBe(false);
  });

  it('a recipient accepting FOOD.DAIRY accepts FOOD.DAIRY.CHEESE but not a code that only shares its letters', () => {
    const cheese = item({ id: 'cheese', categoryCode: 'FOOD.DAIRY.CHEESE' });
    const lookalike = item({ id: 'lookalike', categoryCode: 'FOOD.DAIRYFREE' });
    const assessment = assessEligibility(offer([cheese, lookalike]), recipient({ acceptedCategoryCodes: ['FOOD.DAIRY'] }), context());

    expect(assessment.eligibleItems.map((eligible) => eligible.itemId)).toEqual(['cheese']);
    const refused = reason(assessment, 'CATEGORY_NOT_ACCEPTED');
    expect(refused.itemId).toBe('lookalike');
    expect(refused.fr).toBe('catégorie FOOD.DAIRYFREE non acceptée');
  });

  it('a recipient that accepts none of the categories on offer is not eligible', () => {
    const assessment = assessEligibility(offer(), recipient({ acceptedCategoryCodes: ['NON_FOOD'] }), context());

    expect(assessment.eligible).toBe(false);
    expect(codes(assessment)).toEqual(expect.arrayContaining(['CATEGORY_NOT_ACCEPTED', 'NO_ELIGIBLE_ITEM']));
  });

  it('a recipient whose fridge is already full that day is not eligible for a chilled-only lot', () => {
    const assessment = assessEligibility(offer(), recipient(), context({ claimedKgOnPickupDay: { CHILLED: 100 } }));

    expect(assessment.eligible).toBe(false);
    const full = reason(assessment, 'NO_CAPACITY');
    expect(full.fr).toBe('plus de place en frais ce jour-là (déclaré 100 kg, déjà réservé 100 kg)');
    expect(full.en).toBe('no free chilled storage that day (declared 100 kg, already claimed 100 kg)');
  });

  it('a recipient with no freezer at all is not eligible for frozen goods', () => {
    const frozen = item({ id: 'frozen-meals', categoryCode: 'FOOD.DAIRY.YOGURT', temperature: 'FROZEN', dateKind: 'NONE', date: null });
    const assessment = assessEligibility(offer([frozen]), recipient(), context());

    expect(assessment.eligible).toBe(false);
    expect(reason(assessment, 'NO_CAPACITY').params).toMatchObject({ temperature: 'FROZEN', declaredKg: 0 });
  });

  it('a full fridge does not stop the ambient items of the same lot', () => {
    const bread = item({ id: 'bread', categoryCode: 'FOOD.BAKERY.BREAD', temperature: 'AMBIENT', dateKind: 'NONE', date: null });
    const assessment = assessEligibility(offer([item(), bread]), recipient(), context({ claimedKgOnPickupDay: { CHILLED: 100 } }));

    expect(assessment.eligible).toBe(true);
    expect(assessment.eligibleItems.map((eligible) => eligible.itemId)).toEqual(['bread']);
  });

  it('what a recipient can take is capped by its free storage, shared by the items of one class', () => {
    const cheese = item({ id: 'cheese', categoryCode: 'FOOD.DAIRY.CHEESE', remainingKg: 30 });
    const assessment = assessEligibility(
      offer([item({ remainingKg: 40 }), cheese]),
      recipient({ dailyCapacityKg: { CHILLED: 100 } }),
      context({ claimedKgOnPickupDay: { CHILLED: 50 } }),
    );

    expect(assessment.freeCapacityKg.CHILLED).toBe(50);
    expect(assessment.eligibleItems.map((eligible) => eligible.claimableKg)).toEqual([40, 30]);
    expect(assessment.absorbableKg).toBe(50);
    expect(reason(assessment, 'CAPACITY_AVAILABLE').en).toBe('50 kg of free chilled storage');
  });

  it('a DLC that ends 60 h after the window passes the default 48 h margin', () => {
    const assessment = assessEligibility(offer(), recipient(), context());

    const met = reason(assessment, 'DLC_MARGIN_MET');
    expect(met.params).toEqual({ hoursAfterPickup: 60, marginHours: 48 });
    expect(assessment.eligibleItems[0]?.dlcHoursAfterPickup).toBe(60);
    expect(assessment.eligibleItems[0]?.dlcEnd?.toISOString()).toBe('2025-06-12T21:59:59.999Z');
  });

  it('a DLC with 36 h left after the window fails the default margin but suits a recipient that declared 24 h', () => {
    const soon = offer([item({ date: '2025-06-11' })]);

    const strict = assessEligibility(soon, recipient(), context());
    expect(strict.eligible).toBe(false);
    const tooShort = reason(strict, 'DLC_MARGIN_TOO_SHORT');
    expect(tooShort.fr).toBe('DLC seulement 36 h après la fin de la ramasse (marge exigée 48 h)');
    expect(tooShort.en).toBe('use-by date only 36 h after the pickup window (48 h margin required)');

    expect(assessEligibility(soon, recipient({ dlcMarginHours: 24 }), context()).eligible).toBe(true);
  });

  it('an expired DLC is never offered, not even to a recipient that asks for no margin', () => {
    const expired = offer([item({ date: '2025-06-09' })]);
    const assessment = assessEligibility(expired, recipient({ dlcMarginHours: 0 }), context());

    expect(assessment.eligible).toBe(false);
    expect(reason(assessment, 'DLC_EXPIRED').fr).toBe('DLC dépassée (09/06/2025)');
  });

  it('a DLC item without a date is never offered', () => {
    const assessment = assessEligibility(offer([item({ date: null })]), recipient(), context());

    expect(assessment.eligible).toBe(false);
    expect(codes(assessment)).toContain('DLC_DATE_MISSING');
  });

  it('a DDM item three days past its date is still offered, and the match says how far past', () => {
    const pasta = item({ id: 'pasta', categoryCode: 'FOOD.DRY.PASTA_RICE', temperature: 'AMBIENT', dateKind: 'DDM', date: '2025-06-07' });
    const assessment = assessEligibility(offer([pasta]), recipient(), context());

    expect(assessment.eligible).toBe(true);
    expect(assessment.eligibleItems[0]?.ddmDaysPast).toBe(3);
    const past = reason(assessment, 'DDM_PAST_DATE');
    expect(past.verdict).toBe('PASS');
    expect(past.fr).toBe('DDM dépassée de 3 jours (07/06/2025), consommable');
    expect(past.en).toBe('3 days past its best-before date (2025-06-07), still fit to eat');
  });

  it('a DDM item before its date is offered without a warning', () => {
    const pasta = item({ categoryCode: 'FOOD.DRY.PASTA_RICE', temperature: 'AMBIENT', dateKind: 'DDM', date: '2025-12-01' });
    const assessment = assessEligibility(offer([pasta]), recipient(), context());

    expect(assessment.eligibleItems[0]?.ddmDaysPast).toBe(0);
    expect(codes(assessment)).toContain('DDM_BEFORE_DATE');
  });

  it('an item with nothing left to claim is not offered', () => {
    const assessment = assessEligibility(offer([item({ remainingKg: 0 })]), recipient(), context());

    expect(assessment.eligible).toBe(false);
    expect(codes(assessment)).toContain('NOTHING_LEFT');
  });

  it('an eligible recipient is told which items of the lot it cannot take, and why', () => {
    const meat = item({ id: 'meat', categoryCode: 'FOOD.MEAT.FRESH' });
    const oldCheese = item({ id: 'old-cheese', categoryCode: 'FOOD.DAIRY.CHEESE', date: '2025-06-11' });
    const assessment = assessEligibility(offer([item(), meat, oldCheese]), recipient(), context());

    expect(assessment.eligible).toBe(true);
    const refusals = assessment.reasons.filter((candidate) => candidate.verdict === 'FAIL');
    expect(refusals.map((refusal) => [refusal.itemId, refusal.code])).toEqual([
      ['meat', 'CATEGORY_NOT_ACCEPTED'],
      ['old-cheese', 'DLC_MARGIN_TOO_SHORT'],
    ]);
    expect(reason(assessment, 'CATEGORIES_ACCEPTED').en).toBe('accepts 2 of 3 items');
  });

  it('every reason has a known code and a sentence in each language', () => {
    const scenarios = [
      assessEligibility(offer(), recipient(), context()),
      assessEligibility(offer([item({ date: '2025-06-09' })]), recipient({ verified: false }), context({ distanceKm: 80, closedOnPickupDay: true })),
    ];
    for (const assessment of scenarios) {
      for (const candidate of assessment.reasons) {
        expect(MATCH_REASON_CODES).toContain(candidate.code);
        expect(candidate.fr.length).toBeGreaterThan(0);
        expect(candidate.en.length).toBeGreaterThan(0);
      }
    }
  });
});
