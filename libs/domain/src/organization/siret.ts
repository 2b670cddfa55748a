import { DomainError } from '../errors/domain-error';
import { passesLuhn } from './luhn';

export type Siret = string & { readonly __brand: 'Siret' };

/**
 * The rule INSEE numbers by: a SIRET has 14 digits, and its first 9 (the SIREN, the company) and
 * all 14 (the establishment) each pass the Luhn check. La Poste has more establishments than five
 * Luhn-checked digits allow, so its establishments (SIREN 356000000, itself Luhn-valid) follow
 * another rule: the 14 digits add up to a multiple of 5. Its head office (35600000000048) is an
 * ordinary Luhn number, so either rule passes for this SIREN.
 */
export const LA_POSTE_SIREN = '356000000';

/** Removes the spaces, dots and dashes people type in a SIRET ("552 081 317 00042"). */
export function normalizeSiret(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

export function isValidSiret(raw: string): boolean {
  const siret = normalizeSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (!passesLuhn(siret.slice(0, 9))) return false;
  if (passesLuhn(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

export function parseSiret(raw: string, field = 'legalId'): Siret {
  if (!isValidSiret(raw)) throw new DomainError('INVALID_SIRET', field);
  return normalizeSiret(raw) as Siret;
}

/** The SIREN (company) part of a SIRET (establishment). */
export function sirenOf(siret: Siret): string {
  return siret.slice(0, 9);
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += char.charCodeAt(0) - 48;
  return sum;
}
