import { Injectable } from '@nestjs/common';
import { DomainError, type Run } from '#domain';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { RunRepository } from './run-repository.port';
import { RUN_DRIVER_ROLES } from './run-roles';

export interface AcceptRunCommand {
  readonly actor: Actor | undefined;
  readonly runId: string;
}

/**
 * A driver of the run's organisation takes an open run. The run's row is locked for the decision,
 * so two drivers accepting at once go one after the other: the first gets it, the second finds it
 * taken (RUN_ALREADY_TAKEN), on any number of API instances.
 */
@Injectable()
export class AcceptRun {
  constructor(
    private readonly runs: RunRepository,
    private readonly authorizer: Authorizer,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: AcceptRunCommand): Promise<Run> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const found = await this.runs.findById(command.runId);
    if (found === undefined) throw new DomainError('NOT_FOUND', 'id');
    if ((await this.authorizer.roleFor(actor, found.organizationId, RUN_DRIVER_ROLES)) === undefined) throw new DomainError('FORBIDDEN', 'id');
    return this.unitOfWork.run(async () => {
      const run = await this.runs.findById(found.id, { forUpdate: true });
      if (run === undefined) throw new DomainError('NOT_FOUND', 'id');
      run.accept(actor.userId, this.clock.now());
      await this.runs.update(run);
      return run;
    });
  }
}
