import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { GetRuns, RUN_DRIVER_ROLES, type EventPayloads } from '#application';
import { DomainError } from '#domain';
import { RedisEventBus } from '#jobs';
import { MemberOf } from '../auth/access-policy.decorator';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import type { GraphQLContext } from '../graphql/graphql-context';
import { presentRun } from './run.presenter';
import { PickupRunType } from './run.type';

type OpenRunOffered = EventPayloads['runs.open-offered'];

@Resolver()
export class OpenRunOfferedResolver {
  constructor(
    private readonly getRuns: GetRuns,
    private readonly events: RedisEventBus,
    private readonly policies: AccessPolicyEnforcer,
  ) {}

  // The organisation's drivers only (anyone else: FORBIDDEN); of them, each event reaches those it names.
  @MemberOf(RUN_DRIVER_ROLES, 'organizationId')
  @Subscription(() => PickupRunType, {
    description:
      'A run of this organisation was given back close to its start (withdrawFromRun) and you could take it (acceptRun). Told at once to the drivers its e-mail asks: the organisation’s drivers available for all of it and on no other run then, not the one who gave it back. For the organisation’s DRIVER members (anyone else: FORBIDDEN). An addition to the public contract.',
    filter(this: OpenRunOfferedResolver, payload: OpenRunOffered, variables: { organizationId: string }, context: GraphQLContext): Promise<boolean> {
      return this.concerns(payload, variables.organizationId, context);
    },
    resolve(this: OpenRunOfferedResolver, payload: OpenRunOffered, _variables: { organizationId: string }, context: GraphQLContext): Promise<PickupRunType> {
      return this.current(payload.runId, context);
    },
  })
  openRunOffered(@Args('organizationId', { type: () => ID }) _organizationId: string): Promise<AsyncIterableIterator<OpenRunOffered>> {
    return this.events.subscribe('runs.open-offered');
  }

  /**
   * For this organisation, naming the subscriber, who is still one of its drivers as the
   * connection's latest token names them (the operation's policy, applied again), and the run still
   * one they may take (open: taken meanwhile, it is not offered any more).
   */
  private async concerns(payload: OpenRunOffered, organizationId: string, context: GraphQLContext): Promise<boolean> {
    if (payload.organizationId !== organizationId.toLowerCase()) return false;
    if (!(await this.policies.stillAllows(OpenRunOfferedResolver.prototype.openRunOffered, context, { organizationId }))) return false;
    const actor = context.actor;
    if (actor === undefined || !payload.driverUserIds.includes(actor.userId)) return false;
    return (await this.getRuns.one(actor, payload.runId)) !== undefined;
  }

  private async current(runId: string, context: GraphQLContext): Promise<PickupRunType> {
    const view = await this.getRuns.one(context.actor, runId);
    if (view === undefined) throw new DomainError('NOT_FOUND', 'runId');
    return presentRun(view);
  }
}
