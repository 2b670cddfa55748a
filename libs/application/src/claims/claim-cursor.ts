import { DomainError } from '#domain';
import type { ClaimPageCursor } from './claim-repository.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Opaque to clients (base64url of a small JSON array), keyset on (createdAt, id) like offers' cursors.
export function encodeClaimCursor(cursor: ClaimPageCursor): string {
  return Buffer.from(JSON.stringify(['c', cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

export function decodeClaimCursor(raw: string, field = 'after'): ClaimPageCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === 'c' && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
      const createdAt = new Date(parsed[1]);
      if (!Number.isNaN(createdAt.getTime()) && UUID.test(parsed[2])) return { createdAt, id: parsed[2].toLowerCase() };
    }
  } catch {
    // Falls through to the coded error: a cursor is either ours or invalid.
  }
  throw new DomainError('INVALID_CURSOR', field);
}
