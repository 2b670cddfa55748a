import type { Actor } from '#application';
import { DomainError } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';

/**
 * The authenticated caller. The authorization guard already refuses anonymous callers of
 * @Authenticated operations; this keeps the resolver honest on its own too. Reading `actor`
 * throws UNAUTHENTICATED for an expired or tampered token.
 */
export function currentActor(context: GraphQLContext): Actor {
  const actor = context.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'authorization');
  return actor;
}
