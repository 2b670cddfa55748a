import fc from 'fast-check';
import { assertPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from './password-policy';

describe('password policy', () => {
  it('accepts 12 to 128 characters, whatever they are', () => {
    expect(() => assertPasswordPolicy('a'.repeat(12))).not.toThrow();
    expect(() => assertPasswordPolicy('a'.repeat(128))).not.toThrow();
    expect(() => assertPasswordPolicy('            ')).not.toThrow();
  });

  it('counts code points, not UTF-16 units', () => {
    // Six emoji are twelve UTF-16 units but six characters: too short.
    expect(passwordLength('🥕🥖🧀🍎🥛🐟')).toBe(6);
    expect(() => assertPasswordPolicy('🥕🥖🧀🍎🥛🐟')).toThrow(
      expect.objectContaining({ code: 'PASSWORD_TOO_SHORT', field: 'password', params: { min: 12 } }) as Error,
    );
    expect(() => assertPasswordPolicy('é'.repeat(12))).not.toThrow();
  });

  it('refuses a password over 128 characters', () => {
    expect(() => assertPasswordPolicy('x'.repeat(129), 'input.password')).toThrow(
      expect.objectContaining({ code: 'PASSWORD_TOO_LONG', field: 'input.password' }) as Error,
    );
  });

  it('decides by code point length alone (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 160 }), (password) => {
        const length = [...password].length;
        const ok = length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH;
        if (ok) expect(() => assertPasswordPolicy(password)).not.toThrow();
        else expect(() => assertPasswordPolicy(password)).toThrow();
      }),
    );
  });
});
