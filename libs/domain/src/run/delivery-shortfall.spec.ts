import { DomainError } from '../errors/domain-error';
import { deliveryShortfallKg } from './delivery-shortfall';

const reason = { reason: 'CAPACITY', detail: null } as const;
const judged = (collectedKg: number, quantityKg: number, refusal: typeof reason | null, tolerance = 10): number | DomainError => {
  try {
    return deliveryShortfallKg(collectedKg, { quantityKg, refusal }, tolerance);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
};

describe('a delivery’s kilos against those collected', () => {
  it('is everything accepted from the kilos collected up to the tolerance above them', () => {
    expect(judged(18, 18, null)).toBe(0);
    expect(judged(18, 19.8, null)).toBe(0);
    expect(judged(18, 18, null, 0)).toBe(0);
  });

  it('is a partial refusal below them, with its reason: the kilos refused, to the gram', () => {
    expect(judged(18, 13.5, reason)).toBe(4.5);
    expect(judged(18, 17.999, reason)).toBe(0.001);
    expect(judged(0.3, 0.1, reason)).toBe(0.2);
  });

  it('refuses a shortfall without a reason, a reason with nothing short, and more than the tolerance above, naming the field', () => {
    expect(judged(18, 17.999, null)).toMatchObject({
      code: 'SHORTFALL_REASON_REQUIRED',
      field: 'note',
      params: { collectedKg: 18, shortfallKg: 0.001, reasons: 'CAPACITY, VISUAL_CHECK, HYGIENE, TEMPERATURE, OTHER' },
    });
    expect(judged(18, 18, reason)).toMatchObject({ code: 'REFUSAL_WITHOUT_SHORTFALL', field: 'note', params: { collectedKg: 18 } });
    expect(judged(18, 19, reason)).toMatchObject({ code: 'REFUSAL_WITHOUT_SHORTFALL', field: 'note' });
    expect(judged(18, 19.801, null)).toMatchObject({ code: 'QUANTITY_ABOVE_COLLECTED', field: 'quantityKg', params: { collectedKg: 18, maxKg: 19.8 } });
    expect(judged(18, 18.001, null, 0)).toMatchObject({ code: 'QUANTITY_ABOVE_COLLECTED', field: 'quantityKg', params: { maxKg: 18 } });
  });
});
