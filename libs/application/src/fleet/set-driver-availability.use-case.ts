import { Injectable } from '@nestjs/common';
import { OpeningHours, type OpeningDayInput } from '#domain';
import { Clock } from '../ports/clock.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { DriverAvailabilityRepository } from './driver-availability-repository.port';
import { assertRecipient } from './recipient-organization';

export interface SetDriverAvailabilityCommand {
  /** The API checks that the caller is a DRIVER of it, and passes the caller as the driver: one sets only one's own. */
  readonly organizationId: string;
  readonly driverUserId: string;
  /** Paris wall-clock hours per ISO weekday; replaces the previous ones. An empty list: never available. */
  readonly weekly: readonly OpeningDayInput[];
}

@Injectable()
export class SetDriverAvailability {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly availabilities: DriverAvailabilityRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetDriverAvailabilityCommand): Promise<OpeningHours> {
    const weekly = OpeningHours.parse(command.weekly, 'weekly');
    await assertRecipient(this.organizations, command.organizationId);
    await this.availabilities.saveWeekly(command.organizationId, command.driverUserId, weekly, this.clock.now());
    return weekly;
  }
}
