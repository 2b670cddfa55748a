import { Injectable } from '@nestjs/common';
import { Clock } from '../ports/clock.port';
import { RefreshTokenRepository } from './refresh-token-repository.port';

// A day's grace: a token presented just after it expired still finds its row, so the answer is
// REFRESH_TOKEN_EXPIRED rather than an unknown token.
const GRACE_MS = 24 * 3600 * 1000;
const BATCH = 5000;

/**
 * Deletes refresh tokens that can no longer be used, in batches so no statement holds locks for
 * long. Reuse detection is unaffected: a family's used tokens are only needed until they expire.
 */
@Injectable()
export class PurgeExpiredSessions {
  constructor(
    private readonly tokens: RefreshTokenRepository,
    private readonly clock: Clock,
  ) {}

  /** Returns how many tokens were deleted. */
  async execute(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - GRACE_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.tokens.deleteExpiredBefore(cutoff, BATCH);
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
