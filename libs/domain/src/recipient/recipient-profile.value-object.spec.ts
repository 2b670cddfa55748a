import fc from 'fast-check';
import { TemperatureClass } from '../shared/temperature-class';
import { type RecipientProfileInput, RecipientProfile } from './recipient-profile.value-object';

const valid: RecipientProfileInput = {
  acceptedCategories: ['FOOD.DAIRY', 'FOOD.FRUIT_VEG', 'NON_FOOD.HYGIENE'],
  capacities: [
    { temperature: TemperatureClass.AMBIENT, kg: 500 },
    { temperature: TemperatureClass.CHILLED, kg: 120.5 },
  ],
  serviceRadiusKm: 25,
};

const refuses = (overrides: Partial<RecipientProfileInput>, code: string, field: string) =>
  expect(() => RecipientProfile.parse({ ...valid, ...overrides })).toThrow(expect.objectContaining({ code, field }) as Error);

describe('RecipientProfile', () => {
  it('applies the defaults: 48 h margin, nobody declared, no frozen storage', () => {
    const profile = RecipientProfile.parse(valid);
    expect(profile.dlcMarginHours).toBe(48);
    expect(profile.redistributesFaster).toBe(false);
    expect(profile.peoplePerWeek).toBe(0);
    expect(profile.capacities).toEqual([
      { temperature: 'AMBIENT', kg: 500 },
      { temperature: 'CHILLED', kg: 120.5 },
      { temperature: 'FROZEN', kg: 0 },
    ]);
  });

  it('accepts sub-categories of what it accepts, and nothing else', () => {
    const profile = RecipientProfile.parse(valid);
    expect(profile.acceptsCategory('FOOD.DAIRY.CHEESE')).toBe(true);
    expect(profile.acceptsCategory('FOOD.DAIRY')).toBe(true);
    expect(profile.acceptsCategory('FOOD')).toBe(false);
    expect(profile.acceptsCategory('FOOD.MEAT.FRESH')).toBe(false);
  });

  it('normalises category codes and drops duplicates', () => {
    const profile = RecipientProfile.parse({ ...valid, acceptedCategories: ['food.dairy', 'FOOD.DAIRY', ' FOOD '] });
    expect(profile.acceptedCategories).toEqual(['FOOD.DAIRY', 'FOOD']);
  });

  it('refuses an empty list of categories', () => refuses({ acceptedCategories: [] }, 'NO_ACCEPTED_CATEGORIES', 'acceptedCategories'));
  it('names the unknown category by its index', () => refuses({ acceptedCategories: ['FOOD', 'FOOD.CAVIAR'] }, 'UNKNOWN_CATEGORY', 'acceptedCategories.1'));
  it('refuses a negative capacity', () => refuses({ capacities: [{ temperature: TemperatureClass.FROZEN, kg: -1 }] }, 'NEGATIVE_CAPACITY', 'capacities.0.kg'));
  it('refuses a capacity that is not a number', () =>
    refuses({ capacities: [{ temperature: TemperatureClass.FROZEN, kg: Number.POSITIVE_INFINITY }] }, 'INVALID_CAPACITY', 'capacities.0.kg'));
  it('refuses two capacities for one class', () =>
    refuses(
      {
        capacities: [
          { temperature: TemperatureClass.CHILLED, kg: 1 },
          { temperature: TemperatureClass.CHILLED, kg: 2 },
        ],
      },
      'DUPLICATE_CAPACITY',
      'capacities.1.temperature',
    ));
  it('refuses an unknown temperature class', () =>
    refuses({ capacities: [{ temperature: 'WARM' as TemperatureClass, kg: 1 }] }, 'UNKNOWN_TEMPERATURE_CLASS', 'capacities.0.temperature'));

  it.each([0, -5, 300.01, Number.NaN])('refuses a radius of %p km', (serviceRadiusKm) => refuses({ serviceRadiusKm }, 'INVALID_RADIUS', 'serviceRadiusKm'));

  it('accepts a radius of exactly 300 km', () => {
    expect(RecipientProfile.parse({ ...valid, serviceRadiusKm: 300 }).serviceRadiusKm).toBe(300);
  });

  it('allows a margin under 48 h only to a recipient that redistributes faster', () => {
    refuses({ dlcMarginHours: 24 }, 'DLC_MARGIN_TOO_SHORT', 'dlcMarginHours');
    expect(RecipientProfile.parse({ ...valid, dlcMarginHours: 24, redistributesFaster: true }).dlcMarginHours).toBe(24);
    expect(RecipientProfile.parse({ ...valid, dlcMarginHours: 0, redistributesFaster: true }).dlcMarginHours).toBe(0);
    expect(RecipientProfile.parse({ ...valid, dlcMarginHours: 72 }).dlcMarginHours).toBe(72);
  });

  it.each([-1, 241, 47.5])('refuses a margin of %p h', (dlcMarginHours) =>
    refuses({ dlcMarginHours, redistributesFaster: true }, 'INVALID_DLC_MARGIN', 'dlcMarginHours'),
  );

  it.each([-1, 2.5])('refuses %p people per week', (peoplePerWeek) => refuses({ peoplePerWeek }, 'INVALID_PEOPLE_PER_WEEK', 'peoplePerWeek'));

  it('accepts any margin in 0..240 exactly when the 48 h rule allows it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 240 }), fc.boolean(), (dlcMarginHours, redistributesFaster) => {
        const parse = () => RecipientProfile.parse({ ...valid, dlcMarginHours, redistributesFaster });
        if (dlcMarginHours >= 48 || redistributesFaster) expect(parse().dlcMarginHours).toBe(dlcMarginHours);
        else expect(parse).toThrow();
      }),
    );
  });
});
