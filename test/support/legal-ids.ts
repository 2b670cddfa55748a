import { luhnCheckDigit } from '#domain';
/** A valid SIRET (Luhn-checked) built from a number, so tests can make as many distinct ones as they need. */
export function siretFor(n: number): string {
  const body = String(n).padStart(13, '0').slice(-13);
  return `${body}${luhnCheckDigit(body)}`;
}
