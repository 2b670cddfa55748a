import { DomainError } from '../errors/domain-error';
import { coldChainLimitC } from './cold-chain';
import { parseStopReading } from './stop-reading.value-object';

const refused = (input: Parameters<typeof parseStopReading>[0]): DomainError => {
  try {
    parseStopReading(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('stop readings', () => {
  it('takes kilos (to the gram) and a temperature for what moves goods', () => {
    expect(parseStopReading({ kind: 'COLLECTED', quantityKg: 12.3456, temperatureC: 3.24 })).toEqual({
      kind: 'COLLECTED',
      quantityKg: 12.346,
      temperatureC: 3.2,
      note: null,
      refusal: null,
    });
    expect(refused({ kind: 'DELIVERED' })).toMatchObject({ code: 'STOP_QUANTITY_REQUIRED', field: 'quantityKg' });
    for (const quantityKg of [0, -2, 0.0004, Number.NaN])
      expect(refused({ kind: 'COLLECTED', quantityKg })).toMatchObject({ code: 'INVALID_QUANTITY', field: 'quantityKg' });
    expect(refused({ kind: 'ARRIVED', quantityKg: 3 })).toMatchObject({ code: 'STOP_EVENT_FIELD_NOT_ALLOWED', field: 'quantityKg' });
    expect(refused({ kind: 'NO_SHOW', temperatureC: 3 })).toMatchObject({ code: 'STOP_EVENT_FIELD_NOT_ALLOWED', field: 'temperatureC' });
  });

  it('refuses temperatures below −40 °C or above +60 °C', () => {
    expect(parseStopReading({ kind: 'COLLECTED', quantityKg: 1, temperatureC: -40 }).temperatureC).toBe(-40);
    expect(parseStopReading({ kind: 'COLLECTED', quantityKg: 1, temperatureC: 60 }).temperatureC).toBe(60);
    for (const temperatureC of [-40.1, 60.5, Number.POSITIVE_INFINITY]) {
      expect(refused({ kind: 'COLLECTED', quantityKg: 1, temperatureC })).toMatchObject({
        code: 'TEMPERATURE_OUT_OF_RANGE',
        field: 'temperatureC',
        params: { min: -40, max: 60 },
      });
    }
  });

  it('reads a refusal’s reason from its note: one of the known reasons, OTHER with details, TEMPERATURE with a reading', () => {
    expect(parseStopReading({ kind: 'REFUSED', note: 'HYGIENE' }).refusal).toEqual({ reason: 'HYGIENE', detail: null });
    expect(parseStopReading({ kind: 'REFUSED', note: ' VISUAL_CHECK: emballages gonflés ' }).refusal).toEqual({
      reason: 'VISUAL_CHECK',
      detail: 'emballages gonflés',
    });
    expect(parseStopReading({ kind: 'REFUSED', note: 'OTHER: camion plein', temperatureC: 5 }).refusal).toEqual({ reason: 'OTHER', detail: 'camion plein' });
    for (const note of [undefined, '', 'dirty', 'hygiene', 'OTHER', 'OTHER:  ']) {
      expect(refused({ kind: 'REFUSED', note })).toMatchObject({ code: 'INVALID_REFUSAL_REASON', field: 'note' });
    }
    expect(refused({ kind: 'REFUSED', note: 'TEMPERATURE' })).toMatchObject({ code: 'TEMPERATURE_REQUIRED', field: 'temperatureC' });
    expect(refused({ kind: 'ARRIVED', note: 'x'.repeat(501) })).toMatchObject({ code: 'INVALID_STOP_NOTE', field: 'note' });
  });

  it('reads a delivery’s note as the reason of a partial refusal when it starts with a reason, and as free text otherwise', () => {
    expect(parseStopReading({ kind: 'DELIVERED', quantityKg: 8, note: 'CAPACITY: chambre froide pleine' }).refusal).toEqual({
      reason: 'CAPACITY',
      detail: 'chambre froide pleine',
    });
    expect(parseStopReading({ kind: 'DELIVERED', quantityKg: 8, note: 'HYGIENE' }).refusal).toEqual({ reason: 'HYGIENE', detail: null });
    for (const note of ['Déposé au quai 2', 'CAPACITY issue', 'capacity: plein', 'OK', undefined]) {
      expect(parseStopReading({ kind: 'DELIVERED', quantityKg: 8, note })).toMatchObject({ refusal: null, note: note ?? null });
    }
    // A reason, but badly written: what a refusal’s note would be told.
    expect(refused({ kind: 'DELIVERED', quantityKg: 8, note: 'OTHER' })).toMatchObject({ code: 'INVALID_REFUSAL_REASON', field: 'note' });
    expect(refused({ kind: 'DELIVERED', quantityKg: 8, note: 'TEMPERATURE: 12 °C' })).toMatchObject({ code: 'TEMPERATURE_REQUIRED', field: 'temperatureC' });
    // Never at a collection: kilos short of the claim there are the donor's estimate, not a refusal.
    expect(parseStopReading({ kind: 'COLLECTED', quantityKg: 8, note: 'CAPACITY' }).refusal).toBeNull();
  });
});

describe('cold-chain limits', () => {
  const line = (category: string, temperature: 'AMBIENT' | 'CHILLED' | 'FROZEN', kg = 1) => ({ category, temperature, kg });

  it('is +8 °C for perishable chilled goods, +4 °C for very perishable ones, −18 °C frozen, the strictest of a stop’s goods', () => {
    expect(coldChainLimitC([line('FOOD.DRY', 'AMBIENT')])).toBeNull();
    expect(coldChainLimitC([line('FOOD.DAIRY.YOGURT', 'CHILLED')])).toBe(8);
    expect(coldChainLimitC([line('FOOD.DAIRY.YOGURT', 'CHILLED'), line('FOOD.MEAT.POULTRY', 'CHILLED')])).toBe(4);
    expect(coldChainLimitC([line('FOOD.READY_MEALS.CHILLED', 'CHILLED'), line('FOOD.FROZEN', 'FROZEN')])).toBe(-18);
    expect(coldChainLimitC([line('FOOD.FROZEN', 'FROZEN', 0), line('FOOD.DAIRY', 'CHILLED')])).toBe(8);
  });
});
