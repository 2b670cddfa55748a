import { DomainError } from './domain-error';
import { DOMAIN_ERROR_CODES } from './domain-error-codes';
import { DOMAIN_ERROR_MESSAGES, renderDomainErrorMessage } from './domain-error-messages';

describe('domain error messages', () => {
  it('give every code a French and an English message, and nothing else', () => {
    expect(Object.keys(DOMAIN_ERROR_MESSAGES).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    for (const code of DOMAIN_ERROR_CODES) {
      expect(DOMAIN_ERROR_MESSAGES[code].fr.trim()).not.toBe('');
      expect(DOMAIN_ERROR_MESSAGES[code].en.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of DOMAIN_ERROR_CODES) {
      expect([code, placeholders(DOMAIN_ERROR_MESSAGES[code].fr)]).toEqual([code, placeholders(DOMAIN_ERROR_MESSAGES[code].en)]);
    }
  });

  it('keep codes unique and SCREAMING_SNAKE', () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
    for (const code of DOMAIN_ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
  });

  it('fill placeholders from the params', () => {
    const error = new DomainError('PASSWORD_TOO_SHORT', 'password', { min: 12 });
    expect(renderDomainErrorMessage(error, 'fr')).toBe('Le mot de passe doit contenir au moins 12 caractères.');
    expect(renderDomainErrorMessage(error, 'en')).toBe('The password must be at least 12 characters long.');
    expect(renderDomainErrorMessage(new DomainError('PASSWORD_TOO_SHORT'), 'en')).toContain('{min}');
  });
});
