import type { DomainErrorCode } from './domain-error-codes';

/**
 * The one error type business code throws. It carries a stable code (the API turns it into
 * `extensions.code` and a French/English message) and, for bad input, the field at fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly field?: string,
    /** Values a message may quote (a limit, a date); never secrets or internal ids. */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(field ? `${code} (${field})` : code);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
