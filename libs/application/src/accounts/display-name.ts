import { DomainError } from '#domain';

export const DISPLAY_NAME_MAX_LENGTH = 100;

// Control characters (newlines, escapes, bidi overrides) in a name shown to other organisations
// can forge or scramble what they read; the name is otherwise free (accents, apostrophes, emoji).
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Trimmed, 1 to 100 code points, no control characters. */
export function parseDisplayName(raw: string, field = 'displayName'): string {
  const name = raw.trim();
  const length = [...name].length;
  if (length === 0 || length > DISPLAY_NAME_MAX_LENGTH || FORBIDDEN.test(name)) {
    throw new DomainError('INVALID_DISPLAY_NAME', field, { max: DISPLAY_NAME_MAX_LENGTH });
  }
  return name;
}
