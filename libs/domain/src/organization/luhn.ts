/** Luhn (mod 10) over a string of decimal digits, the check INSEE uses for SIREN and SIRET. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
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

/** The digit that, appended, makes the string pass Luhn. */
export function luhnCheckDigit(body: string): number {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (passesLuhn(`${body}${digit}`)) return digit;
  }
  // Unreachable for a digit string: exactly one of the ten candidates passes.
  throw new RangeError(`not a digit string: ${body}`);
}
