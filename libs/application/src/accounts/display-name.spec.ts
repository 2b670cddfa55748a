import fc from 'fast-check';
import { DISPLAY_NAME_MAX_LENGTH, parseDisplayName } from './display-name';

describe('parseDisplayName', () => {
  it('trims, and keeps accents, apostrophes and emoji', () => {
    expect(parseDisplayName('  Épicerie solidaire d’Orléans 🥕 ')).toBe('Épicerie solidaire d’Orléans 🥕');
  });

  it.each([
    ['empty', ''],
    ['blank', '   \t '],
    ['101 characters', 'a'.repeat(101)],
    ['a newline', 'Marie\nDupont'],
    ['a NUL', 'Marie\u0000'],
    ['a right-to-left override', 'Marie\u202Eesrever'],
  ])('refuses %s with INVALID_DISPLAY_NAME on the field', (_label, raw) => {
    expect(() => parseDisplayName(raw, 'displayName')).toThrow(
      expect.objectContaining({ code: 'INVALID_DISPLAY_NAME', field: 'displayName', params: { max: 100 } }) as Error,
    );
  });

  it('counts code points: 100 emoji are fine', () => {
    expect(parseDisplayName('🥖'.repeat(100))).toHaveLength(200);
  });

  it('accepts exactly the printable names of 1 to 100 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 120 }), (raw) => {
        const trimmed = raw.trim();
        const length = [...trimmed].length;

        const printable = !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(trimmed);
        if (length >= 1 && length <= DISPLAY_NAME_MAX_LENGTH && printable) expect(parseDisplayName(raw)).toBe(trimmed);
        else expect(() => parseDisplayName(raw)).toThrow();
      }),
    );
  });
});
