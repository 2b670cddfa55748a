import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AccessPolicyEnforcer, type OperationHandler } from './access-policy.enforcer';

/**
 * Enforces the access policy every query, mutation and subscription declares (access-policy.decorator),
 * through the AccessPolicyEnforcer: an operation without one is refused, so forgetting a rule closes
 * the door rather than opening it. Registered as a global guard. Field resolvers are not its business
 * (Nest runs no guards on them by default): they decide what an entitled caller sees of a parent it may read.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly policies: AccessPolicyEnforcer) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // HTTP routes (health probes) are outside the GraphQL policy system.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    if (!isRootOperation(gql.getInfo<GraphQLResolveInfo>())) return true;
    const policy = this.policies.policyOf(context.getHandler() as OperationHandler);
    await this.policies.enforce(policy, gql.getContext<GraphQLContext>(), gql.getArgs<Record<string, unknown>>());
    return true;
  }
}

function isRootOperation(info: GraphQLResolveInfo | undefined): boolean {
  if (info === undefined) return true;
  const { schema, parentType } = info;
  return parentType === schema.getQueryType() || parentType === schema.getMutationType() || parentType === schema.getSubscriptionType();
}
