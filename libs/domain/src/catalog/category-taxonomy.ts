import { DomainError } from '../errors/domain-error';

export interface Category {
  /** Stable, upper-case, dotted: the parent's code plus one segment. Stored and sent by clients; never renamed. */
  readonly code: string;
  readonly labelFr: string;
  readonly labelEn: string;
  readonly parentCode: string | null;
}

function category(code: string, labelFr: string, labelEn: string): Category {
  const dot = code.lastIndexOf('.');
  return Object.freeze({ code, labelFr, labelEn, parentCode: dot === -1 ? null : code.slice(0, dot) });
}

/**
 * What donors give, as food banks and épiceries solidaires sort it: by storage and by the shelf it
 * goes on. Non-food is here because donors also give hygiene and household goods, and recipients
 * say whether they take them. Parents come before their children.
 */
export const CATEGORY_TAXONOMY: readonly Category[] = Object.freeze([
  category('FOOD', 'Alimentaire', 'Food'),

  category('FOOD.FRUIT_VEG', 'Fruits et légumes', 'Fruit and vegetables'),
  category('FOOD.FRUIT_VEG.FRUIT', 'Fruits frais', 'Fresh fruit'),
  category('FOOD.FRUIT_VEG.VEGETABLES', 'Légumes frais', 'Fresh vegetables'),
  category('FOOD.FRUIT_VEG.READY_TO_EAT', 'Fruits et légumes prêts à l’emploi (4e gamme)', 'Ready-to-eat fruit and vegetables'),

  category('FOOD.DAIRY', 'Produits laitiers', 'Dairy'),
  category('FOOD.DAIRY.MILK', 'Lait', 'Milk'),
  category('FOOD.DAIRY.YOGURT', 'Yaourts et desserts lactés', 'Yoghurts and dairy desserts'),
  category('FOOD.DAIRY.CHEESE', 'Fromages', 'Cheese'),
  category('FOOD.DAIRY.BUTTER_CREAM', 'Beurre et crème', 'Butter and cream'),

  category('FOOD.EGGS', 'Œufs', 'Eggs'),

  category('FOOD.MEAT', 'Viandes', 'Meat'),
  category('FOOD.MEAT.FRESH', 'Viande fraîche', 'Fresh meat'),
  category('FOOD.MEAT.POULTRY', 'Volaille', 'Poultry'),
  category('FOOD.MEAT.DELI', 'Charcuterie', 'Cured and cooked meats'),

  category('FOOD.FISH', 'Poissons et produits de la mer', 'Fish and seafood'),
  category('FOOD.FISH.FRESH', 'Poisson frais', 'Fresh fish'),
  category('FOOD.FISH.SMOKED', 'Poisson fumé et traiteur de la mer', 'Smoked fish and seafood specialities'),

  category('FOOD.BAKERY', 'Boulangerie et pâtisserie', 'Bakery and pastry'),
  category('FOOD.BAKERY.BREAD', 'Pain', 'Bread'),
  category('FOOD.BAKERY.VIENNOISERIE', 'Viennoiseries', 'Viennoiserie'),
  category('FOOD.BAKERY.PASTRY', 'Pâtisseries', 'Cakes and pastries'),

  category('FOOD.DRY', 'Épicerie sèche', 'Dry groceries'),
  category('FOOD.DRY.PASTA_RICE', 'Pâtes, riz et céréales', 'Pasta, rice and grains'),
  category('FOOD.DRY.FLOUR_SUGAR', 'Farine et sucre', 'Flour and sugar'),
  category('FOOD.DRY.CANNED', 'Conserves', 'Tinned food'),
  category('FOOD.DRY.BREAKFAST', 'Petit-déjeuner (céréales, biscottes, confiture)', 'Breakfast (cereal, rusks, jam)'),
  category('FOOD.DRY.BISCUITS_SWEETS', 'Biscuits et confiserie', 'Biscuits and sweets'),
  category('FOOD.DRY.OIL_CONDIMENTS', 'Huiles, sauces et condiments', 'Oils, sauces and condiments'),

  category('FOOD.BEVERAGES', 'Boissons', 'Drinks'),
  category('FOOD.BEVERAGES.WATER', 'Eaux', 'Water'),
  category('FOOD.BEVERAGES.SOFT', 'Jus et boissons sans alcool', 'Juices and soft drinks'),
  category('FOOD.BEVERAGES.HOT', 'Café, thé et chocolat', 'Coffee, tea and cocoa'),

  category('FOOD.READY_MEALS', 'Plats préparés', 'Ready meals'),
  category('FOOD.READY_MEALS.CHILLED', 'Plats cuisinés frais (traiteur)', 'Chilled ready meals'),
  category('FOOD.READY_MEALS.SANDWICHES', 'Sandwichs et salades composées', 'Sandwiches and salads'),
  category('FOOD.READY_MEALS.CATERING', 'Repas de restauration collective', 'Catering meals'),

  category('FOOD.FROZEN', 'Surgelés', 'Frozen food'),
  category('FOOD.FROZEN.VEGETABLES', 'Légumes et fruits surgelés', 'Frozen vegetables and fruit'),
  category('FOOD.FROZEN.MEAT_FISH', 'Viandes et poissons surgelés', 'Frozen meat and fish'),
  category('FOOD.FROZEN.READY_MEALS', 'Plats cuisinés surgelés', 'Frozen ready meals'),
  category('FOOD.FROZEN.DESSERTS', 'Glaces et desserts surgelés', 'Ice cream and frozen desserts'),

  category('FOOD.BABY', 'Alimentation infantile', 'Baby food'),
  category('FOOD.BABY.FORMULA', 'Lait infantile', 'Infant formula'),
  category('FOOD.BABY.MEALS', 'Petits pots et céréales pour bébé', 'Baby meals and cereal'),

  category('NON_FOOD', 'Non alimentaire', 'Non-food'),

  category('NON_FOOD.HYGIENE', 'Hygiène', 'Hygiene'),
  category('NON_FOOD.HYGIENE.BODY', 'Hygiène corporelle (savon, shampooing, dentifrice)', 'Personal care (soap, shampoo, toothpaste)'),
  category('NON_FOOD.HYGIENE.PERIOD', 'Protections périodiques', 'Period products'),

  category('NON_FOOD.HOUSEHOLD', 'Entretien de la maison', 'Household'),
  category('NON_FOOD.HOUSEHOLD.CLEANING', 'Produits ménagers', 'Cleaning products'),
  category('NON_FOOD.HOUSEHOLD.LAUNDRY', 'Lessive', 'Laundry'),
  category('NON_FOOD.HOUSEHOLD.PAPER', 'Papier toilette et essuie-tout', 'Toilet paper and kitchen roll'),

  category('NON_FOOD.BABY', 'Puériculture', 'Baby care'),
  category('NON_FOOD.BABY.NAPPIES', 'Couches', 'Nappies'),
  category('NON_FOOD.BABY.CARE', 'Soins bébé (lingettes, toilette)', 'Baby care products (wipes, toiletries)'),

  category('NON_FOOD.PET_FOOD', 'Alimentation animale', 'Pet food'),
]);

const BY_CODE: ReadonlyMap<string, Category> = new Map(CATEGORY_TAXONOMY.map((c) => [c.code, c]));

export function isKnownCategory(code: string): boolean {
  return BY_CODE.has(code);
}

export function findCategory(code: string): Category | undefined {
  return BY_CODE.get(code);
}

/**
 * Whether goods of `code` fall under `acceptedCode`: a recipient that accepts 'FOOD.DAIRY'
 * accepts 'FOOD.DAIRY.CHEESE'. Works on the codes alone, so it stays true for stored codes.
 */
export function isCategoryWithin(code: string, acceptedCode: string): boolean {
  return code === acceptedCode || code.startsWith(`${acceptedCode}.`);
}

/** The code's ancestors, nearest first ('FOOD.DAIRY.CHEESE' → ['FOOD.DAIRY', 'FOOD']). */
export function categoryAncestors(code: string): readonly string[] {
  const ancestors: string[] = [];
  for (let parent = findCategory(code)?.parentCode ?? null; parent !== null; parent = findCategory(parent)?.parentCode ?? null) {
    ancestors.push(parent);
  }
  return ancestors;
}

/** Trims and upper-cases, then requires a code of the taxonomy. */
export function parseCategoryCode(raw: string, field: string): string {
  const code = raw.trim().toUpperCase();
  if (!isKnownCategory(code)) throw new DomainError('UNKNOWN_CATEGORY', field, { code: raw });
  return code;
}
