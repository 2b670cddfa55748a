import { Injectable } from '@nestjs/common';
import { RunStatus, StopKind, type Run, type RunStop } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { DONOR_FOLLOWER_ROLES, RUN_COORDINATOR_ROLES, RUN_DRIVER_ROLES } from './run-roles';

/** Whose eyes: the recipient's side sees the whole run, a donor only its own stops. */
export type RunAudience = 'RECIPIENT' | 'DONOR';

export interface RunSight {
  readonly audience: RunAudience;
  readonly stops: readonly RunStop[];
}

/**
 * Who may follow a run, and what of it: its driver and the recipient's coordinators see it all, as
 * do the recipient's drivers while it is open (they may accept it); the admins and staff of a donor
 * with a stop on it see that stop (the goods leaving their site), nothing else. Anyone else: nothing.
 */
@Injectable()
export class RunAccess {
  constructor(private readonly authorizer: Authorizer) {}

  async sightOf(actor: Actor | undefined, run: Run): Promise<RunSight | undefined> {
    if (actor === undefined || !actor.emailVerified) return undefined;
    const whole: RunSight = { audience: 'RECIPIENT', stops: run.stops };
    if (run.driverUserId === actor.userId) return whole;
    if ((await this.authorizer.roleFor(actor, run.organizationId, RUN_COORDINATOR_ROLES)) !== undefined) return whole;
    if (run.status === RunStatus.PLANNED && (await this.authorizer.roleFor(actor, run.organizationId, RUN_DRIVER_ROLES)) !== undefined) return whole;
    const donors = [...new Set(run.stops.filter((stop) => stop.kind === StopKind.COLLECT).map((stop) => stop.organizationId))];
    const mine = new Set<string>();
    for (const donor of donors) if ((await this.authorizer.roleFor(actor, donor, DONOR_FOLLOWER_ROLES)) !== undefined) mine.add(donor);
    if (mine.size === 0) return undefined;
    return { audience: 'DONOR', stops: run.stops.filter((stop) => stop.kind === StopKind.COLLECT && mine.has(stop.organizationId)) };
  }
}
