import { DomainError } from '../errors/domain-error';

/** A GTIN (EAN/UPC barcode number) whose check digit is right, digits only, as given. */
export type Gtin = string & { readonly __brand: 'Gtin' };

export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/**
 * GS1 mod-10 check digit of a GTIN body (all digits but the last): weights 3 and 1 alternate from
 * the right, starting with 3. Right-alignment is why one function serves every length.
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`not a digit string: ${body}`);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(raw: string): boolean {
  const gtin = raw.replace(/\s/g, '');
  if (!/^\d+$/.test(gtin) || !GTIN_LENGTHS.includes(gtin.length)) return false;
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1));
}

export function parseGtin(raw: string, field = 'gtin'): Gtin {
  if (!isValidGtin(raw)) throw new DomainError('INVALID_GTIN', field, { value: raw });
  return raw.replace(/\s/g, '') as Gtin;
}

/**
 * The 14-digit form, left-padded with zeros: an EAN-13 and the same number scanned as a GTIN-14
 * are one product, so recalls and searches compare this form.
 */
export function toGtin14(gtin: Gtin): string {
  return gtin.padStart(14, '0');
}
