import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { RequestHeartbeat, type EventPayloads } from '#application';
import { RedisEventBus } from '#jobs';
import { PlatformAdminOnly, Public } from '../auth/access-policy.decorator';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import type { GraphQLContext } from '../graphql/graphql-context';
import { HeartbeatRequestType, HeartbeatType } from './system.types';

type Heartbeat = EventPayloads['system.heartbeat'];

@Resolver()
export class SystemResolver {
  constructor(
    private readonly requestHeartbeat: RequestHeartbeat,
    private readonly events: RedisEventBus,
    private readonly policies: AccessPolicyEnforcer,
  ) {}

  @Public()
  @Query(() => String, { description: 'Answers "pong": the cheapest way to check the GraphQL path end to end.' })
  ping(): string {
    return 'pong';
  }

  @PlatformAdminOnly()
  @Mutation(() => HeartbeatRequestType, { description: 'Sends a heartbeat through the job queue to the worker.' })
  async sendHeartbeat(
    @Args('requestId', { type: () => ID, nullable: true, description: 'A UUID of your own, to subscribe to the answer before sending.' })
    requestId?: string,
  ): Promise<HeartbeatRequestType> {
    return this.requestHeartbeat.execute(requestId ?? undefined);
  }

  @PlatformAdminOnly()
  @Subscription(() => HeartbeatType, {
    description: "The worker's answer to one heartbeat.",
    // The rule is checked again on each event, with the connection's actor as its latest token says.
    async filter(this: SystemResolver, payload: Heartbeat, variables: { requestId: string }, context: GraphQLContext): Promise<boolean> {
      if (payload.requestId !== variables.requestId.toLowerCase()) return false;
      return this.policies.stillAllows(SystemResolver.prototype.heartbeat, context, variables);
    },
    resolve: (payload: Heartbeat): HeartbeatType => ({
      requestId: payload.requestId,
      requestedAt: new Date(payload.requestedAt),
      processedAt: new Date(payload.processedAt),
      processedBy: payload.processedBy,
    }),
  })
  heartbeat(@Args('requestId', { type: () => ID }) _requestId: string): Promise<AsyncIterableIterator<Heartbeat>> {
    return this.events.subscribe('system.heartbeat');
  }
}
