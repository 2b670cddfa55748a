import { DomainError } from '#domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Points of the engine's score grid per unit of score (libs/matching rankMatches compares on 1e-9). */
const SCORE_KEY_SCALE = 1e9;

/**
 * Scores are compared on the engine's 1e-9 grid (libs/matching rankMatches), so that a cursor
 * written from one page compares exactly with the scores of the next.
 */
export function scoreKey(score: number): number {
  return Math.round(score * SCORE_KEY_SCALE);
}

/** The greatest key a score at most `upperBound` (give or take `slack`) can have. */
export function highestScoreKey(upperBound: number, slack: number): number {
  return scoreKey(upperBound + slack);
}

/** A score whose lower bound is above this (give or take `slack`) has a key above `key`. */
export function lowestScoreAboveKey(key: number, slack: number): number {
  return (key + 0.5) / SCORE_KEY_SCALE + slack;
}

/** A position in the best-first order: score descending, then offer id ascending. */
export interface ClaimableOfferCursor {
  readonly scoreKey: number;
  readonly offerId: string;
}

export function encodeClaimableOfferCursor(cursor: ClaimableOfferCursor): string {
  return Buffer.from(JSON.stringify(['m', cursor.scoreKey, cursor.offerId]), 'utf8').toString('base64url');
}

export function decodeClaimableOfferCursor(raw: string, field = 'after'): ClaimableOfferCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === 'm' &&
      Number.isSafeInteger(parsed[1]) &&
      typeof parsed[2] === 'string' &&
      UUID.test(parsed[2])
    ) {
      return { scoreKey: parsed[1] as number, offerId: parsed[2].toLowerCase() };
    }
  } catch {
    // Falls through to the coded error: a cursor is either ours or invalid.
  }
  throw new DomainError('INVALID_CURSOR', field);
}

/** Best first: higher score, then lower offer id; the order the cursor walks. */
export function compareByCursorOrder(a: ClaimableOfferCursor, b: ClaimableOfferCursor): number {
  if (a.scoreKey !== b.scoreKey) return b.scoreKey - a.scoreKey;
  if (a.offerId === b.offerId) return 0;
  return a.offerId < b.offerId ? -1 : 1;
}
