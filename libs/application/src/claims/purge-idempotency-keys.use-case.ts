import { Injectable } from '@nestjs/common';
import { Clock } from '../ports/clock.port';
import { ClaimRepository } from './claim-repository.port';

/** Keys are kept 48 hours: a client retrying within a day (the promise) always finds its key. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 48 * 3600 * 1000;

/** The recurring clean-up of claim idempotency keys past their retention. */
@Injectable()
export class PurgeIdempotencyKeys {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    return this.claims.purgeIdempotencyKeys(new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS));
  }
}
