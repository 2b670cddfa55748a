import type { SessionRevocation } from '#application';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeRevocation(revocation: SessionRevocation): string {
  return JSON.stringify(revocation);
}

/**
 * Reads a message of the revocation channel. Anything else that reaches it (another version's
 * format, a hand-typed PUBLISH) is ignored rather than trusted: undefined.
 */
export function decodeRevocation(message: string): SessionRevocation | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { kind, sessionId, userId } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || !UUID.test(userId)) return undefined;
  if (kind === 'session' && typeof sessionId === 'string' && UUID.test(sessionId)) return { kind, userId, sessionId };
  if (kind === 'user') return { kind, userId };
  return undefined;
}
