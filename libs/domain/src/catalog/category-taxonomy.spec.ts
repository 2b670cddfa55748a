import { CATEGORY_TAXONOMY, categoryAncestors, isCategoryWithin, isKnownCategory, parseCategoryCode } from './category-taxonomy';

describe('category taxonomy', () => {
  const codes = CATEGORY_TAXONOMY.map((c) => c.code);

  it('has 40 to 60 entries with unique, stable-looking codes', () => {
    expect(CATEGORY_TAXONOMY.length).toBeGreaterThanOrEqual(40);
    expect(CATEGORY_TAXONOMY.length).toBeLessThanOrEqual(60);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z_]*(\.[A-Z][A-Z_]*){0,2}$/);
  });

  it('has only FOOD and NON_FOOD as roots', () => {
    expect(CATEGORY_TAXONOMY.filter((c) => c.parentCode === null).map((c) => c.code)).toEqual(['FOOD', 'NON_FOOD']);
  });

  it('lists each parent before its children, and each child one segment under its parent', () => {
    const seen = new Set<string>();
    for (const c of CATEGORY_TAXONOMY) {
      if (c.parentCode !== null) {
        expect(seen.has(c.parentCode)).toBe(true);
        expect(c.code.startsWith(`${c.parentCode}.`)).toBe(true);
        expect(c.code.slice(c.parentCode.length + 1)).not.toContain('.');
      }
      seen.add(c.code);
    }
  });

  it('labels every entry in French and English', () => {
    for (const c of CATEGORY_TAXONOMY) {
      expect(c.labelFr.trim()).not.toBe('');
      expect(c.labelEn.trim()).not.toBe('');
    }
  });

  it('covers the shelves donors give from', () => {
    for (const code of [
      'FOOD.FRUIT_VEG',
      'FOOD.DAIRY.CHEESE',
      'FOOD.MEAT',
      'FOOD.FISH',
      'FOOD.BAKERY',
      'FOOD.DRY',
      'FOOD.BEVERAGES',
      'FOOD.READY_MEALS',
      'FOOD.FROZEN',
      'NON_FOOD.HYGIENE',
      'NON_FOOD.HOUSEHOLD',
      'NON_FOOD.BABY',
    ]) {
      expect(isKnownCategory(code)).toBe(true);
    }
  });

  it('places a sub-category within its ancestors only', () => {
    expect(isCategoryWithin('FOOD.DAIRY.CHEESE', 'FOOD.DAIRY')).toBe(true);
    expect(isCategoryWithin('FOOD.DAIRY.CHEESE', 'FOOD')).toBe(true);
    expect(isCategoryWithin('FOOD.DAIRY', 'FOOD.DAIRY')).toBe(true);
    expect(isCategoryWithin('FOOD.DAIRY', 'FOOD.DAIRY.CHEESE')).toBe(false);
    expect(isCategoryWithin('NON_FOOD.BABY', 'FOOD')).toBe(false);
    expect(isCategoryWithin('FOOD.BABY', 'FOOD.BAKERY')).toBe(false);
  });

  it('agrees with the parent links for every pair of entries', () => {
    for (const c of CATEGORY_TAXONOMY) {
      for (const accepted of CATEGORY_TAXONOMY) {
        const viaParents = c.code === accepted.code || categoryAncestors(c.code).includes(accepted.code);
        expect(isCategoryWithin(c.code, accepted.code)).toBe(viaParents);
      }
    }
  });

  it('normalises case and refuses unknown codes with the field', () => {
    expect(parseCategoryCode(' food.dairy ', 'category')).toBe('FOOD.DAIRY');
    expect(() => parseCategoryCode('FOOD.CAVIAR', 'items.2.category')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY', field: 'items.2.category' }) as Error,
    );
  });
});
