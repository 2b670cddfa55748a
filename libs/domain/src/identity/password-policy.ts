import { DomainError } from '../errors/domain-error';

// Length is the only composition rule, as NIST SP 800-63B and OWASP advise; the upper bound keeps
// argon2 input bounded so a huge password cannot be used to burn CPU.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Length in Unicode code points, so an emoji or an accented letter counts as one character. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Never trims nor rewrites the password: what is checked is exactly what will be hashed. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('PASSWORD_TOO_SHORT', field, { min: PASSWORD_MIN_LENGTH });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('PASSWORD_TOO_LONG', field, { max: PASSWORD_MAX_LENGTH });
  }
}
