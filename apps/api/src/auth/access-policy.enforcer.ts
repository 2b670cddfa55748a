import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authorizer, type Actor } from '#application';
import { assertNever, DomainError } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.decorator';

/** A resolver method, whose access policy the decorators recorded. */
export type OperationHandler = (...args: never[]) => unknown;

/**
 * Applies the access policy an operation declares (access-policy.decorator). The authorization
 * guard applies it when an operation starts; a subscription applies it again to each event, with
 * the connection's current actor, so a right lost since subscribing (a renewed token that no longer
 * says platform admin) stops the events.
 *
 * An organisation named in the arguments that does not exist gets the same FORBIDDEN as one the
 * caller does not belong to, so ids cannot be probed.
 *
 * An account that has not verified its address may only call the 'public' and 'signedIn'
 * operations (see itself, verify, sign out); anything else is EMAIL_NOT_VERIFIED.
 */
@Injectable()
export class AccessPolicyEnforcer {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: Authorizer,
  ) {}

  policyOf(handler: OperationHandler): AccessPolicy | undefined {
    return this.reflector.get<AccessPolicy | undefined>(ACCESS_POLICY, handler);
  }

  /** Throws the coded error that refuses the caller; an operation without a policy is refused. */
  async enforce(policy: AccessPolicy | undefined, context: GraphQLContext, args: Readonly<Record<string, unknown>>): Promise<void> {
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

  /** For a subscription's filter: whether the caller, as the context names them now, still passes the operation's policy. */
  async stillAllows(handler: OperationHandler, context: GraphQLContext, args: Readonly<Record<string, unknown>>): Promise<boolean> {
    try {
      await this.enforce(this.policyOf(handler), context, args);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
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

/** 'input.organizationId' → args.input.organizationId; undefined if any step is missing. */
export function valueAtPath(args: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
