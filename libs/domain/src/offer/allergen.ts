import { DomainError } from '../errors/domain-error';

/** The 14 allergens of Regulation (EU) 1169/2011, annex II, in the annex's order. */
export const Allergen = {
  GLUTEN: 'GLUTEN',
  CRUSTACEANS: 'CRUSTACEANS',
  EGGS: 'EGGS',
  FISH: 'FISH',
  PEANUTS: 'PEANUTS',
  SOYBEANS: 'SOYBEANS',
  MILK: 'MILK',
  NUTS: 'NUTS',
  CELERY: 'CELERY',
  MUSTARD: 'MUSTARD',
  SESAME: 'SESAME',
  SULPHITES: 'SULPHITES',
  LUPIN: 'LUPIN',
  MOLLUSCS: 'MOLLUSCS',
} as const;
export type Allergen = (typeof Allergen)[keyof typeof Allergen];
export const ALLERGENS: readonly Allergen[] = Object.values(Allergen);

/** The wording of annex II in its French and English versions. */
export const ALLERGEN_LABELS: Readonly<Record<Allergen, { readonly fr: string; readonly en: string }>> = {
  GLUTEN: { fr: 'Céréales contenant du gluten', en: 'Cereals containing gluten' },
  CRUSTACEANS: { fr: 'Crustacés', en: 'Crustaceans' },
  EGGS: { fr: 'Œufs', en: 'Eggs' },
  FISH: { fr: 'Poissons', en: 'Fish' },
  PEANUTS: { fr: 'Arachides', en: 'Peanuts' },
  SOYBEANS: { fr: 'Soja', en: 'Soybeans' },
  MILK: { fr: 'Lait', en: 'Milk' },
  NUTS: { fr: 'Fruits à coque', en: 'Nuts' },
  CELERY: { fr: 'Céleri', en: 'Celery' },
  MUSTARD: { fr: 'Moutarde', en: 'Mustard' },
  SESAME: { fr: 'Graines de sésame', en: 'Sesame seeds' },
  SULPHITES: { fr: 'Anhydride sulfureux et sulfites', en: 'Sulphur dioxide and sulphites' },
  LUPIN: { fr: 'Lupin', en: 'Lupin' },
  MOLLUSCS: { fr: 'Mollusques', en: 'Molluscs' },
};

export function isAllergen(value: string): value is Allergen {
  return (ALLERGENS as readonly string[]).includes(value);
}

/**
 * Trims and upper-cases each code, refuses unknown ones (naming the index), and returns each
 * allergen once in annex order, so equal lists compare equal.
 */
export function parseAllergens(raw: readonly string[], field = 'allergens'): readonly Allergen[] {
  const found = new Set<Allergen>();
  raw.forEach((code, index) => {
    const normalized = code.trim().toUpperCase();
    if (!isAllergen(normalized)) throw new DomainError('UNKNOWN_ALLERGEN', `${field}.${index}`, { code });
    found.add(normalized);
  });
  return Object.freeze(ALLERGENS.filter((allergen) => found.has(allergen)));
}
