import { DomainError } from '../errors/domain-error';

export const MIN_IDEMPOTENCY_KEY_LENGTH = 8;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;
/** Long enough for a UUID or a ULID with a prefix, short enough to index; no spaces, no quotes. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]+$/;

export type IdempotencyKey = string & { readonly __brand: 'IdempotencyKey' };

/** A client's key for one request: retried with the same key, the request is done once. */
export function parseIdempotencyKey(raw: string, field = 'idempotencyKey'): IdempotencyKey {
  if (raw.length < MIN_IDEMPOTENCY_KEY_LENGTH || raw.length > MAX_IDEMPOTENCY_KEY_LENGTH || !IDEMPOTENCY_KEY.test(raw)) {
    throw new DomainError('INVALID_IDEMPOTENCY_KEY', field, { min: MIN_IDEMPOTENCY_KEY_LENGTH, max: MAX_IDEMPOTENCY_KEY_LENGTH });
  }
  return raw as IdempotencyKey;
}
