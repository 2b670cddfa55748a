import { parseCategoryCode } from '../catalog/category-taxonomy';
import { DomainError } from '../errors/domain-error';
import { DateKind, isDateKind } from '../shared/date-kind';
import { roundKg } from '../shared/kilograms';
import { type CalendarDay, parseCalendarDay } from '../shared/paris-calendar';
import { TEMPERATURE_CLASSES, type TemperatureClass } from '../shared/temperature-class';
import { assertNever } from '../shared/assert-never';
import { type Allergen, parseAllergens } from './allergen';
import { type Gtin, parseGtin } from './gtin';

/** A lorry-load is about 25 t; 100 t in one item is a typing mistake, not a donation. */
export const MAX_ITEM_QUANTITY_KG = 100_000;
export const MAX_ITEM_DESCRIPTION_LENGTH = 500;
export const MAX_LOT_NUMBER_LENGTH = 64;

/** An item as a client describes it (CreateOfferInput.items[n]). */
export interface OfferItemInput {
  readonly category: string;
  readonly description: string;
  readonly quantityKg: number;
  readonly temperature: TemperatureClass;
  readonly dateKind: DateKind;
  readonly date?: string | null;
  readonly allergens?: readonly string[] | null;
  readonly gtin?: string | null;
  readonly lotNumber?: string | null;
  readonly unitCostCents?: number | null;
}

/** A valid item's description, normalised; what an offer stores besides its id and what remains. */
export interface OfferItemDetails {
  readonly category: string;
  readonly description: string;
  readonly quantityKg: number;
  readonly temperature: TemperatureClass;
  readonly dateKind: DateKind;
  /** Required for DLC, optional for DDM, always null for NONE. */
  readonly date: CalendarDay | null;
  readonly allergens: readonly Allergen[];
  readonly gtin: Gtin | null;
  readonly lotNumber: string | null;
  /**
   * The donor's cost price per kilogram, in euro cents, for the tax valuation (article 238 bis).
   * Per kg because the item's quantity is in kg and a claim may take only part of it.
   */
  readonly unitCostCents: number | null;
}

/**
 * Validates one item. `path` is where the item sits in the input ('items.3'), so errors name
 * 'items.3.gtin'. The first broken rule is reported.
 */
export function parseOfferItem(input: OfferItemInput, path = ''): OfferItemDetails {
  const field = (leaf: string) => (path ? `${path}.${leaf}` : leaf);

  const category = parseCategoryCode(input.category, field('category'));

  const description = input.description.trim();
  const descriptionLength = [...description].length;
  if (descriptionLength === 0 || descriptionLength > MAX_ITEM_DESCRIPTION_LENGTH) {
    throw new DomainError('INVALID_DESCRIPTION', field('description'), { max: MAX_ITEM_DESCRIPTION_LENGTH });
  }

  const quantityKg = Number.isFinite(input.quantityKg) ? roundKg(input.quantityKg) : Number.NaN;
  if (!(quantityKg > 0 && quantityKg <= MAX_ITEM_QUANTITY_KG)) {
    throw new DomainError('INVALID_QUANTITY', field('quantityKg'), { max: MAX_ITEM_QUANTITY_KG });
  }

  if (!TEMPERATURE_CLASSES.includes(input.temperature)) {
    throw new DomainError('UNKNOWN_TEMPERATURE_CLASS', field('temperature'), { value: String(input.temperature) });
  }

  if (!isDateKind(input.dateKind)) {
    throw new DomainError('UNKNOWN_DATE_KIND', field('dateKind'), { value: String(input.dateKind) });
  }
  const date = parseItemDate(input.dateKind, blankToNull(input.date), field('date'));

  const allergens = parseAllergens(input.allergens ?? [], field('allergens'));

  const rawGtin = blankToNull(input.gtin);
  const gtin = rawGtin === null ? null : parseGtin(rawGtin, field('gtin'));

  const lotNumber = blankToNull(input.lotNumber);
  if (lotNumber !== null && [...lotNumber].length > MAX_LOT_NUMBER_LENGTH) {
    throw new DomainError('LOT_NUMBER_TOO_LONG', field('lotNumber'), { max: MAX_LOT_NUMBER_LENGTH });
  }

  const unitCostCents = input.unitCostCents ?? null;
  if (unitCostCents !== null && (!Number.isSafeInteger(unitCostCents) || unitCostCents < 0)) {
    throw new DomainError('INVALID_UNIT_COST', field('unitCostCents'));
  }

  return Object.freeze({
    category,
    description,
    quantityKg,
    temperature: input.temperature,
    dateKind: input.dateKind,
    date,
    allergens,
    gtin,
    lotNumber,
    unitCostCents,
  });
}

function parseItemDate(kind: DateKind, raw: string | null, field: string): CalendarDay | null {
  switch (kind) {
    case DateKind.DLC:
      if (raw === null) throw new DomainError('DLC_DATE_REQUIRED', field);
      return parseCalendarDay(raw, field);
    case DateKind.DDM:
      return raw === null ? null : parseCalendarDay(raw, field);
    case DateKind.NONE:
      if (raw !== null) throw new DomainError('DATE_NOT_ALLOWED', field);
      return null;
    default:
      return assertNever(kind, 'date kind');
  }
}

/** Clients send "" for an empty optional field as often as null. */
function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
