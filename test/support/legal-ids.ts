import { luhnCheckDigit } from '#domain';

/**
 * A valid SIRET built from a number (0 to 10^12 - 1), so tests can make as many distinct ones as
 * they need: the last 8 digits of n and their check digit make the SIREN, the next 4 digits and
 * their check digit the establishment; both parts pass Luhn, as INSEE issues them.
 */
export function siretFor(n: number): string {
  const padded = String(n).padStart(12, '0').slice(-12);
  const sirenBody = padded.slice(4);
  const siren = `${sirenBody}${luhnCheckDigit(sirenBody)}`;
  const body = `${siren}${padded.slice(0, 4)}`;
  return `${body}${luhnCheckDigit(body)}`;
}
