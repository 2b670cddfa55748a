/** A valid SIRET (Luhn-checked) built from a number, so tests can make as many distinct ones as they need. */
export function siretFor(n: number): string {
  const body = String(n).padStart(13, '0').slice(-13);
  for (let check = 0; check <= 9; check += 1) {
    const candidate = `${body}${check}`;
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable: one check digit always fits');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
