import { DomainError } from '../errors/domain-error';
import type { DomainErrorCode } from '../errors/domain-error-codes';

// C0/C1 controls and the Unicode line/paragraph separators: they break labels and printed receipts.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export interface TextRule {
  readonly code: DomainErrorCode;
  readonly max: number;
  /** Addresses and instructions may span lines; names may not. */
  readonly multiline?: boolean;
}

/** Trims, then requires 1..max characters without control characters. */
export function parseRequiredText(raw: string, field: string, rule: TextRule): string {
  const value = raw.trim();
  const forbidden = rule.multiline ? CONTROL : CONTROL_OR_NEWLINE;
  if (value.length === 0 || [...value].length > rule.max || forbidden.test(value)) {
    throw new DomainError(rule.code, field, { max: rule.max });
  }
  return value;
}

/** As parseRequiredText, but an absent or blank value is null. */
export function parseOptionalText(raw: string | null | undefined, field: string, rule: TextRule): string | null {
  if (raw === undefined || raw === null || raw.trim().length === 0) return null;
  return parseRequiredText(raw, field, rule);
}
