import { DomainError } from '../errors/domain-error';

/** An email address as stored: trimmed and lower-cased, so one person has one account. */
export type NormalizedEmail = string & { readonly __brand: 'NormalizedEmail' };

const MAX_LENGTH = 254; // RFC 5321 path limit, less the angle brackets
const MAX_LOCAL_LENGTH = 64;
// Dot-atom only: quoted local parts and address literals are legal but used in practice for abuse, not mail.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Trims and lower-cases; does not validate. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** RFC 5322 "lite": a dot-atom local part, and a domain of at least two DNS labels with an alphabetic top level. */
export function isValidEmail(raw: string): boolean {
  const email = normalizeEmail(raw);
  if (email.length === 0 || email.length > MAX_LENGTH) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return TOP_LEVEL.test(labels[labels.length - 1] ?? '');
}

export function parseEmail(raw: string, field = 'email'): NormalizedEmail {
  if (!isValidEmail(raw)) throw new DomainError('INVALID_EMAIL', field);
  return normalizeEmail(raw) as NormalizedEmail;
}
