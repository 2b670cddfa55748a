import { Injectable } from '@nestjs/common';
import { PurgeIdempotencyKeys } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Every hour (RECURRING_JOBS); keys are kept 48 hours, so a client retrying within a day finds its key. */
@Injectable()
@HandlesJob('claims.purge-idempotency-keys')
export class PurgeIdempotencyKeysJobHandler implements JobHandler<'claims.purge-idempotency-keys'> {
  constructor(private readonly purgeIdempotencyKeys: PurgeIdempotencyKeys) {}

  async handle(): Promise<void> {
    await this.purgeIdempotencyKeys.execute();
  }
}
