import { DomainError } from '../errors/domain-error';

/** Répertoire national des associations number: 'W' and nine digits, e.g. W751234567. */
export type Rna = string & { readonly __brand: 'Rna' };

export function normalizeRna(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function isValidRna(raw: string): boolean {
  return /^W\d{9}$/.test(normalizeRna(raw));
}

export function parseRna(raw: string, field = 'legalId'): Rna {
  if (!isValidRna(raw)) throw new DomainError('INVALID_RNA', field);
  return normalizeRna(raw) as Rna;
}
