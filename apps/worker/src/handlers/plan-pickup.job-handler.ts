import { Injectable } from '@nestjs/common';
import { PlanPickup, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('claims.plan-pickup')
export class PlanPickupJobHandler implements JobHandler<'claims.plan-pickup'> {
  constructor(private readonly planPickup: PlanPickup) {}

  async handle(payload: JobPayloads['claims.plan-pickup']): Promise<void> {
    await this.planPickup.execute(payload.pickupId);
  }
}
