import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { DriverAvailabilityRepository } from './driver-availability-repository.port';
import { DRIVER_ROLES } from './fleet-roles';

export interface RemoveDriverAbsenceCommand {
  readonly actor: Actor | undefined;
  readonly absenceId: string;
}

/**
 * A driver takes back one of their own absences. Someone else's absence answers NOT_FOUND, like an
 * unknown id: whether a colleague is away is not an outsider's business.
 */
@Injectable()
export class RemoveDriverAbsence {
  constructor(
    private readonly availabilities: DriverAvailabilityRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(command: RemoveDriverAbsenceCommand): Promise<boolean> {
    if (command.actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const absence = await this.availabilities.findAbsence(command.absenceId);
    if (absence === undefined || absence.userId !== command.actor.userId) throw new DomainError('NOT_FOUND', 'id');
    await this.authorizer.assertActsFor(command.actor, absence.organizationId, DRIVER_ROLES);
    return this.availabilities.removeAbsence(absence.id);
  }
}
