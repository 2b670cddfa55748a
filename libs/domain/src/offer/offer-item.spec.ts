import { DateKind } from '../shared/date-kind';
import { TemperatureClass } from '../shared/temperature-class';
import { type OfferItemInput, parseOfferItem } from './offer-item';

const yoghurts: OfferItemInput = {
  category: 'FOOD.DAIRY.YOGURT',
  description: '  Yaourts nature 4×125 g  ',
  quantityKg: 42.5,
  temperature: TemperatureClass.CHILLED,
  dateKind: DateKind.DLC,
  date: '2025-07-20',
  allergens: ['milk'],
  gtin: '3017620422003',
  lotNumber: 'L2025-198',
  unitCostCents: 180,
};

const refuses = (overrides: Partial<OfferItemInput>, code: string, field: string) =>
  expect(() => parseOfferItem({ ...yoghurts, ...overrides }, 'items.3')).toThrow(expect.objectContaining({ code, field }) as Error);

describe('parseOfferItem', () => {
  it('normalises a valid item', () => {
    expect(parseOfferItem(yoghurts, 'items.0')).toEqual({
      category: 'FOOD.DAIRY.YOGURT',
      description: 'Yaourts nature 4×125 g',
      quantityKg: 42.5,
      temperature: 'CHILLED',
      dateKind: 'DLC',
      date: '2025-07-20',
      allergens: ['MILK'],
      gtin: '3017620422003',
      lotNumber: 'L2025-198',
      unitCostCents: 180,
    });
  });

  it('treats missing and blank optional fields as absent', () => {
    const item = parseOfferItem({
      category: 'NON_FOOD.HYGIENE.BODY',
      description: 'Savons',
      quantityKg: 3,
      temperature: TemperatureClass.AMBIENT,
      dateKind: DateKind.NONE,
      date: ' ',
      gtin: '',
      lotNumber: null,
    });
    expect(item).toMatchObject({ date: null, allergens: [], gtin: null, lotNumber: null, unitCostCents: null });
  });

  it('lets a DDM item have a date or not', () => {
    expect(parseOfferItem({ ...yoghurts, dateKind: DateKind.DDM, date: '2024-01-01' }).date).toBe('2024-01-01');
    expect(parseOfferItem({ ...yoghurts, dateKind: DateKind.DDM, date: null }).date).toBeNull();
  });

  it('names fields without a prefix when given none', () => {
    expect(() => parseOfferItem({ ...yoghurts, gtin: '123' })).toThrow(expect.objectContaining({ field: 'gtin' }) as Error);
  });

  it.each<[string, Partial<OfferItemInput>, string, string]>([
    ['an unknown category', { category: 'FOOD.CAVIAR' }, 'UNKNOWN_CATEGORY', 'items.3.category'],
    ['an empty description', { description: '   ' }, 'INVALID_DESCRIPTION', 'items.3.description'],
    ['a 501-character description', { description: 'é'.repeat(501) }, 'INVALID_DESCRIPTION', 'items.3.description'],
    ['zero kg', { quantityKg: 0 }, 'INVALID_QUANTITY', 'items.3.quantityKg'],
    ['negative kg', { quantityKg: -2 }, 'INVALID_QUANTITY', 'items.3.quantityKg'],
    ['a few micrograms', { quantityKg: 1e-9 }, 'INVALID_QUANTITY', 'items.3.quantityKg'],
    ['over 100 t', { quantityKg: 100_000.5 }, 'INVALID_QUANTITY', 'items.3.quantityKg'],
    ['NaN kg', { quantityKg: Number.NaN }, 'INVALID_QUANTITY', 'items.3.quantityKg'],
    ['an unknown temperature', { temperature: 'WARM' as TemperatureClass }, 'UNKNOWN_TEMPERATURE_CLASS', 'items.3.temperature'],
    ['an unknown date kind', { dateKind: 'DLUO' as DateKind }, 'UNKNOWN_DATE_KIND', 'items.3.dateKind'],
    ['a DLC without a date', { date: null }, 'DLC_DATE_REQUIRED', 'items.3.date'],
    ['a DLC with a blank date', { date: '' }, 'DLC_DATE_REQUIRED', 'items.3.date'],
    ['a date with no date kind', { dateKind: DateKind.NONE }, 'DATE_NOT_ALLOWED', 'items.3.date'],
    ['a malformed date', { date: '20/07/2025' }, 'INVALID_DATE', 'items.3.date'],
    ['an unknown allergen', { allergens: ['MILK', 'KIWI'] }, 'UNKNOWN_ALLERGEN', 'items.3.allergens.1'],
    ['a bad check digit', { gtin: '3017620422004' }, 'INVALID_GTIN', 'items.3.gtin'],
    ['a 65-character lot number', { lotNumber: 'L'.repeat(65) }, 'LOT_NUMBER_TOO_LONG', 'items.3.lotNumber'],
    ['a negative cost', { unitCostCents: -1 }, 'INVALID_UNIT_COST', 'items.3.unitCostCents'],
    ['a fractional cost', { unitCostCents: 1.5 }, 'INVALID_UNIT_COST', 'items.3.unitCostCents'],
  ])('refuses %s', (_case, overrides, code, field) => refuses(overrides, code, field));

  it('accepts the limits themselves', () => {
    expect(() => parseOfferItem({ ...yoghurts, quantityKg: 100_000, description: 'é'.repeat(500), lotNumber: 'L'.repeat(64), unitCostCents: 0 })).not.toThrow();
  });
});
