import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { GetRuns, type EventPayloads } from '#application';
import { DomainError } from '#domain';
import { RedisEventBus } from '#jobs';
import { CheckedByUseCase } from '../auth/access-policy.decorator';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import type { GraphQLContext } from '../graphql/graphql-context';
import { presentRun } from './run.presenter';
import { PickupRunType } from './run.type';

type RunChanged = EventPayloads['runs.changed'];

@Resolver()
export class RunUpdatedResolver {
  constructor(
    private readonly getRuns: GetRuns,
    private readonly events: RedisEventBus,
    private readonly policies: AccessPolicyEnforcer,
  ) {}

  @CheckedByUseCase('whoever may follow the run (GetRuns.one): its driver, the recipient’s coordinators, its drivers while it is open, a donor for its stops')
  @Subscription(() => PickupRunType, {
    description: 'Any change to a run: assignment, stop events, re-planning. Each event carries the run as the subscriber may see it now.',
    filter(this: RunUpdatedResolver, payload: RunChanged, variables: { runId: string }, context: GraphQLContext): Promise<boolean> {
      return this.concerns(payload, variables.runId, context);
    },
    resolve(this: RunUpdatedResolver, payload: RunChanged, _variables: { runId: string }, context: GraphQLContext): Promise<PickupRunType> {
      return this.current(payload.runId, context);
    },
  })
  async runUpdated(@Args('runId', { type: () => ID }) runId: string, @Context() context: GraphQLContext): Promise<AsyncIterableIterator<RunChanged>> {
    // Subscribe first, so no change between the check and the subscription is missed.
    const events = await this.events.subscribe('runs.changed');
    if ((await this.getRuns.one(context.actor, runId)) === undefined) {
      await events.return?.();
      throw new DomainError('NOT_FOUND', 'runId');
    }
    return events;
  }

  /**
   * Its run, and the subscriber still allowed to follow it (a driver who lost the run stops hearing),
   * as the connection's latest token names them: still signed in (the policy), still one who may follow it.
   */
  private async concerns(payload: RunChanged, runId: string, context: GraphQLContext): Promise<boolean> {
    if (payload.runId !== runId.toLowerCase()) return false;
    if (!(await this.policies.stillAllows(RunUpdatedResolver.prototype.runUpdated, context, { runId }))) return false;
    return (await this.getRuns.one(context.actor, payload.runId)) !== undefined;
  }

  private async current(runId: string, context: GraphQLContext): Promise<PickupRunType> {
    const view = await this.getRuns.one(context.actor, runId);
    if (view === undefined) throw new DomainError('NOT_FOUND', 'runId');
    return presentRun(view);
  }
}
