import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../ports/clock.port';
import { PickupRepository } from './pickup-repository.port';

/**
 * The worker's side of a pickup: records that planning has it. Runs and drivers build on pickups
 * in this state; a cancelled one (its claim was cancelled before the job ran) is left alone.
 * Idempotent: a repeated job finds the pickup already queued.
 */
@Injectable()
export class PlanPickup {
  private readonly logger = new Logger(PlanPickup.name);

  constructor(
    private readonly pickups: PickupRepository,
    private readonly clock: Clock,
  ) {}

  async execute(pickupId: string): Promise<boolean> {
    const queued = await this.pickups.markQueued(pickupId, this.clock.now());
    if (!queued) this.logger.debug(`pickup ${pickupId} not pending (cancelled, already queued or unknown)`);
    return queued;
  }
}
