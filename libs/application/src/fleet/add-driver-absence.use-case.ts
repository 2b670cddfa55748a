import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, MAX_UPCOMING_ABSENCES, parisDayOf, parseAbsencePeriod } from '#domain';
import { Clock } from '../ports/clock.port';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { DriverAvailabilityRepository } from './driver-availability-repository.port';
import type { DriverAbsence } from './fleet.model';
import { assertRecipient } from './recipient-organization';

export interface AddDriverAbsenceCommand {
  /** The API checks that the caller is a DRIVER of it, and passes the caller as the driver. */
  readonly organizationId: string;
  readonly driverUserId: string;
  /** 'YYYY-MM-DD', Paris; both days included. */
  readonly from: string;
  readonly to: string;
}

@Injectable()
export class AddDriverAbsence {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly availabilities: DriverAvailabilityRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddDriverAbsenceCommand): Promise<DriverAbsence> {
    const period = parseAbsencePeriod(command);
    await assertRecipient(this.organizations, command.organizationId);
    const now = this.clock.now();
    // A bound on the list, not a business invariant: two adds at the same instant may both pass.
    const upcoming = await this.availabilities.upcomingAbsences(command.organizationId, command.driverUserId, parisDayOf(now));
    if (upcoming.length >= MAX_UPCOMING_ABSENCES) throw new DomainError('TOO_MANY_ABSENCES', 'from', { max: MAX_UPCOMING_ABSENCES });
    const absence: DriverAbsence = {
      id: randomUUID(),
      organizationId: command.organizationId,
      userId: command.driverUserId,
      from: period.from,
      to: period.to,
      createdAt: now,
    };
    await this.availabilities.addAbsence(absence);
    return absence;
  }
}
