import { ALLERGEN_LABELS, ALLERGENS, parseAllergens } from './allergen';

describe('allergens', () => {
  it('are the 14 of Regulation 1169/2011 annex II, each labelled in French and English', () => {
    expect(ALLERGENS).toEqual([
      'GLUTEN',
      'CRUSTACEANS',
      'EGGS',
      'FISH',
      'PEANUTS',
      'SOYBEANS',
      'MILK',
      'NUTS',
      'CELERY',
      'MUSTARD',
      'SESAME',
      'SULPHITES',
      'LUPIN',
      'MOLLUSCS',
    ]);
    for (const allergen of ALLERGENS) {
      expect(ALLERGEN_LABELS[allergen].fr).not.toBe('');
      expect(ALLERGEN_LABELS[allergen].en).not.toBe('');
    }
  });

  it('normalise case, drop duplicates and come back in annex order', () => {
    expect(parseAllergens(['milk', ' GLUTEN ', 'Milk', 'sesame'])).toEqual(['GLUTEN', 'MILK', 'SESAME']);
    expect(parseAllergens([])).toEqual([]);
  });

  it('refuse an unknown code, naming its index', () => {
    expect(() => parseAllergens(['MILK', 'LACTOSE'], 'items.4.allergens')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ALLERGEN', field: 'items.4.allergens.1', params: { code: 'LACTOSE' } }) as Error,
    );
  });
});
