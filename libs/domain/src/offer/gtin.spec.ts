import fc from 'fast-check';
import { GTIN_LENGTHS, gtinCheckDigit, isValidGtin, parseGtin, toGtin14 } from './gtin';

const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const validGtin = fc
  .constantFrom(...GTIN_LENGTHS)
  .chain((length) => digitString(length - 1))
  .map((body) => `${body}${gtinCheckDigit(body)}`);

describe('GTIN', () => {
  it.each([
    ['96385074', 'GTIN-8'],
    ['036000291452', 'GTIN-12 (UPC-A)'],
    ['3017620422003', 'GTIN-13 (EAN-13)'],
    ['4006381333931', 'GTIN-13 (EAN-13)'],
    ['10012345000017', 'GTIN-14'],
  ])('accepts %s, a %s', (gtin) => {
    expect(isValidGtin(gtin)).toBe(true);
  });

  it.each([
    ['3017620422004', 'a wrong check digit'],
    ['301762042200', 'a GTIN-13 missing a digit, read as a GTIN-12'],
    ['1234567890', 'ten digits, not a GTIN length'],
    ['30176204220O3', 'a letter O'],
    ['', 'nothing'],
  ])('refuses %p, %s', (gtin) => {
    expect(isValidGtin(gtin)).toBe(false);
    expect(() => parseGtin(gtin, 'items.0.gtin')).toThrow(expect.objectContaining({ code: 'INVALID_GTIN', field: 'items.0.gtin' }) as Error);
  });

  it('drops spaces and pads to 14 digits for comparison', () => {
    const gtin = parseGtin(' 3017620 422003 ');
    expect(gtin).toBe('3017620422003');
    expect(toGtin14(gtin)).toBe('03017620422003');
    expect(isValidGtin(toGtin14(gtin))).toBe(true);
  });

  it('accepts any body with its computed check digit (property)', () => {
    fc.assert(fc.property(validGtin, (gtin) => expect(isValidGtin(gtin)).toBe(true)));
  });

  it('refuses any single changed digit (property)', () => {
    fc.assert(
      fc.property(validGtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (gtin, position, delta) => {
        const at = position % gtin.length;
        const changed = gtin.slice(0, at) + String((Number(gtin[at]) + delta) % 10) + gtin.slice(at + 1);
        expect(isValidGtin(changed)).toBe(false);
      }),
    );
  });
});
