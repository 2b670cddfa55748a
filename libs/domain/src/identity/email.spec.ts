import fc from 'fast-check';
import { isValidEmail, normalizeEmail, parseEmail } from './email';

describe('email', () => {
  it('trims and lower-cases', () => {
    expect(parseEmail('  Marie.Dupont@Banque-Alimentaire.FR ')).toBe('marie.dupont@banque-alimentaire.fr');
  });

  it.each(['a@b.fr', 'prenom.nom+glane@example.org', "o'brien@example.co.uk", 'contact@xn--pcherie-9xa.fr', 'x@sub.domain.example.com'])(
    'accepts %s',
    (email) => {
      expect(isValidEmail(email)).toBe(true);
    },
  );

  it.each([
    '',
    'plain',
    '@example.fr',
    'a@',
    'a@localhost',
    'a@example.f',
    'a@example.123',
    'a..b@example.fr',
    '.a@example.fr',
    'a.@example.fr',
    'a b@example.fr',
    'a@exa mple.fr',
    'a@-example.fr',
    'a@example-.fr',
    'a@example..fr',
    'a@b@example.fr',
    `${'a'.repeat(65)}@example.fr`,
    `a@${'b'.repeat(250)}.fr`,
  ])('refuses %p', (email) => {
    expect(isValidEmail(email)).toBe(false);
    expect(() => parseEmail(email, 'input.email')).toThrow(expect.objectContaining({ code: 'INVALID_EMAIL', field: 'input.email' }) as Error);
  });

  it('normalises idempotently and case-insensitively (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(normalizeEmail(normalizeEmail(email))).toBe(normalizeEmail(email));
        expect(isValidEmail(email.toUpperCase())).toBe(isValidEmail(email));
      }),
    );
  });
});
