import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OpeningHours, parisDayOf } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { Authorizer } from '../organizations/authorizer.service';
import { MembershipRepository } from '../organizations/membership-repository.port';
import { DriverAvailabilityRepository } from './driver-availability-repository.port';
import type { DriverAvailabilityView } from './fleet.model';
import { DRIVER_ROLES, FLEET_MANAGER_ROLES } from './fleet-roles';

export interface GetDriverAvailabilityQuery {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  readonly userId: string;
}

const NEVER = OpeningHours.parse([]);

/** The organisation's coordinators (ADMIN, STAFF) read any of its drivers; a driver reads only their own. */
@Injectable()
export class GetDriverAvailability {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly memberships: MembershipRepository,
    private readonly availabilities: DriverAvailabilityRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetDriverAvailabilityQuery): Promise<DriverAvailabilityView> {
    const role = await this.authorizer.assertActsFor(query.actor, query.organizationId, [...FLEET_MANAGER_ROLES, ...DRIVER_ROLES]);
    if (role === MemberRole.DRIVER && query.userId !== query.actor?.userId) throw new DomainError('FORBIDDEN');
    const driverRole = await this.memberships.roleOf(query.userId, query.organizationId);
    if (driverRole !== MemberRole.DRIVER) throw new DomainError('NOT_A_DRIVER', 'userId');
    const [weekly, absences] = await Promise.all([
      this.availabilities.weeklyOf(query.organizationId, query.userId),
      this.availabilities.upcomingAbsences(query.organizationId, query.userId, parisDayOf(this.clock.now())),
    ]);
    return {
      organizationId: query.organizationId,
      userId: query.userId,
      weekly: weekly?.weekly ?? NEVER,
      absences,
      weeklyUpdatedAt: weekly?.updatedAt ?? null,
    };
  }
}
