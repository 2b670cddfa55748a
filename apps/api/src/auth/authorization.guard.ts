import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { Authorizer, type Actor } from '#application';
import { assertNever, DomainError } from '#domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.decorator';

/**
 * Enforces the access policy every query, mutation and subscription declares (access-policy.decorator):
 * an operation without one is refused, so forgetting a rule closes the door rather than opening it.
 * Registered as a global guard. Field resolvers are not its business (Nest runs no guards on them by
 * default): they decide what an entitled caller sees of a parent it may read.
 *
 * An organisation named in the arguments that does not exist gets the same FORBIDDEN as one the
 * caller does not belong to, so ids cannot be probed.
 *
 * An account that has not verified its address may only call the 'public' and 'signedIn'
 * operations (see itself, verify, sign out); anything else is EMAIL_NOT_VERIFIED.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: Authorizer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // HTTP routes (health probes) are outside the GraphQL policy system.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    if (!isRootOperation(gql.getInfo<GraphQLResolveInfo>())) return true;
    const policy = this.reflector.get<AccessPolicy | undefined>(ACCESS_POLICY, context.getHandler());
    await this.enforce(policy, gql.getContext<GraphQLContext>(), gql.getArgs<Record<string, unknown>>());
    return true;
  }

  private async enforce(policy: AccessPolicy | undefined, context: GraphQLContext, args: Record<string, unknown>): Promise<void> {
    if (policy === undefined) throw new DomainError('FORBIDDEN');
    switch (policy.kind) {
      // The token is not even looked at: a stale token must not stop someone from signing in again.
      case 'public':
        return;
      case 'signedIn':
        requireActor(context);
        return;
      // The use case checks membership once it has loaded what the operation names; it needs an actor.
      case 'authenticated':
      case 'checkedByUseCase':
        requireVerifiedActor(context);
        return;
      case 'platformAdmin':
        if (!requireVerifiedActor(context).platformAdmin) throw new DomainError('FORBIDDEN');
        return;
      case 'organizationMember': {
        const actor = requireVerifiedActor(context);
        const organizationId = valueAtPath(args, policy.organizationIdArg);
        if (typeof organizationId !== 'string') throw new DomainError('FORBIDDEN');
        await this.authorizer.assertActsFor(actor, organizationId, policy.roles);
        return;
      }
      default:
        assertNever(policy, 'access policy');
    }
  }
}

/** Reading `actor` verifies the token: an expired or tampered one throws UNAUTHENTICATED here. */
function requireActor(context: GraphQLContext): Actor {
  const actor = context.actor;
  if (actor === undefined) throw new DomainError('UNAUTHENTICATED', 'authorization');
  return actor;
}

function requireVerifiedActor(context: GraphQLContext): Actor {
  const actor = requireActor(context);
  if (!actor.emailVerified) throw new DomainError('EMAIL_NOT_VERIFIED', 'authorization');
  return actor;
}

function isRootOperation(info: GraphQLResolveInfo | undefined): boolean {
  if (info === undefined) return true;
  const { schema, parentType } = info;
  return parentType === schema.getQueryType() || parentType === schema.getMutationType() || parentType === schema.getSubscriptionType();
}

/** 'input.organizationId' → args.input.organizationId; undefined if any step is missing. */
export function valueAtPath(args: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
