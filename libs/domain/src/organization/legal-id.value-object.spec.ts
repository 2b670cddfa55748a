import fc from 'fast-check';
import { OrganizationKind } from '../shared/organization-kind';
import { parseLegalId } from './legal-id.value-object';
import { luhnCheckDigit, passesLuhn } from './luhn';
import { isValidRna, parseRna } from './rna';
import { isValidSiret, LA_POSTE_SIREN, parseSiret, sirenOf } from './siret';

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
/** A SIREN as INSEE issues them: eight digits and their Luhn check digit. */
const siren = digits(8).map((body) => `${body}${luhnCheckDigit(body)}`);
/** The first 13 digits of a SIRET whose SIREN is valid. */
const siretBody = fc.tuple(siren, digits(4)).map(([head, nic]) => `${head}${nic}`);

describe('SIRET', () => {
  it.each([
    ['73282932000074', 'an ordinary establishment'],
    ['55208131766522', "EDF's head office"],
    ['35600000000048', "La Poste's head office (plain Luhn)"],
    ['35600000049837', 'a La Poste establishment (digit sum 45)'],
  ])('accepts %s, %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it('tolerates the spaces, dots and dashes people type', () => {
    expect(parseSiret(' 732 829 320 00074 ')).toBe('73282932000074');
    expect(parseSiret('732.829.320-00074')).toBe('73282932000074');
    expect(sirenOf(parseSiret('73282932000074'))).toBe('732829320');
  });

  it.each([
    ['12345678912345', 'fails Luhn'],
    ['7328293200007', 'has 13 digits'],
    ['732829320000740', 'has 15 digits'],
    ['73282932O00074', 'has a letter O'],
    ['', 'is empty'],
    ['35600000049838', 'is La Poste but neither rule passes'],
    ['12345678000014', 'passes Luhn over 14 digits but its SIREN 123456780 does not'],
  ])('refuses %p, which %s', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
    expect(() => parseSiret(siret)).toThrow(expect.objectContaining({ code: 'INVALID_SIRET', field: 'legalId' }) as Error);
  });

  it('accepts a valid SIREN and 4 digits with their Luhn check digit, and no other last digit (property)', () => {
    fc.assert(
      fc.property(siretBody, (body) => {
        const check = luhnCheckDigit(body);
        const siret = `${body}${check}`;
        fc.pre(!siret.startsWith(LA_POSTE_SIREN));
        expect(isValidSiret(siret)).toBe(true);
        for (let other = 0; other <= 9; other += 1) {
          if (other !== check) expect(isValidSiret(`${body}${other}`)).toBe(false);
        }
      }),
    );
  });

  it('refuses a SIREN failing Luhn even when all 14 digits pass it (property)', () => {
    fc.assert(
      fc.property(digits(13), (body) => {
        fc.pre(!passesLuhn(body.slice(0, 9)));
        expect(isValidSiret(`${body}${luhnCheckDigit(body)}`)).toBe(false);
      }),
    );
  });

  it('catches any single changed digit outside La Poste (property)', () => {
    fc.assert(
      fc.property(siretBody, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const siret = `${body}${luhnCheckDigit(body)}`;
        const changed = siret.slice(0, at) + String((Number(siret[at]) + delta) % 10) + siret.slice(at + 1);
        fc.pre(!siret.startsWith(LA_POSTE_SIREN) && !changed.startsWith(LA_POSTE_SIREN));
        expect(isValidSiret(changed)).toBe(false);
      }),
    );
  });

  it('accepts a La Poste establishment exactly when Luhn passes or its digits sum to a multiple of 5 (property)', () => {
    fc.assert(
      fc.property(digits(5), (establishment) => {
        const siret = `${LA_POSTE_SIREN}${establishment}`;
        const sum = [...siret].reduce((total, d) => total + Number(d), 0);
        expect(isValidSiret(siret)).toBe(passesLuhn(siret) || sum % 5 === 0);
      }),
    );
  });
});

describe('RNA', () => {
  it('normalises case and spaces', () => {
    expect(parseRna(' w75 1234 567 ')).toBe('W751234567');
  });

  it.each(['W75123456', 'W7512345678', 'X751234567', '751234567', 'W75123456A', ''])('refuses %p', (rna) => {
    expect(isValidRna(rna)).toBe(false);
    expect(() => parseRna(rna, 'input.legalId')).toThrow(expect.objectContaining({ code: 'INVALID_RNA', field: 'input.legalId' }) as Error);
  });
});

describe('parseLegalId', () => {
  it('gives a donor its SIRET', () => {
    expect(parseLegalId('732 829 320 00074', OrganizationKind.DONOR)).toEqual({ kind: 'SIRET', value: '73282932000074' });
  });

  it('refuses an RNA from a donor as the wrong kind of id', () => {
    expect(() => parseLegalId('W751234567', OrganizationKind.DONOR)).toThrow(
      expect.objectContaining({ code: 'INVALID_LEGAL_ID', field: 'legalId', params: { expected: 'SIRET' } }) as Error,
    );
  });

  it('lets a recipient give a SIRET or an RNA', () => {
    expect(parseLegalId('73282932000074', OrganizationKind.RECIPIENT)).toEqual({ kind: 'SIRET', value: '73282932000074' });
    expect(parseLegalId('w751234567', OrganizationKind.RECIPIENT)).toEqual({ kind: 'RNA', value: 'W751234567' });
  });

  it('judges a recipient id by what it looks like', () => {
    expect(() => parseLegalId('W7512', OrganizationKind.RECIPIENT)).toThrow(expect.objectContaining({ code: 'INVALID_RNA' }) as Error);
    expect(() => parseLegalId('12345678912345', OrganizationKind.RECIPIENT)).toThrow(expect.objectContaining({ code: 'INVALID_SIRET' }) as Error);
  });
});
