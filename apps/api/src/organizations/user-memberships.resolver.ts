import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { UserType } from '../accounts/user.type';
import { OrganizationLoaders } from './organization.loaders';
import { presentMembership } from './organization.presenter';
import { MembershipType } from './organization.type';

@Resolver(() => UserType)
export class UserMembershipsResolver {
  constructor(private readonly loaders: OrganizationLoaders) {}

  /**
   * A user's own memberships (and, for platform admins, anyone's). Where another person appears
   * (a run's driver, a colleague), only the organisations the caller shares with them show: which
   * other organisations someone belongs to is not the caller's business.
   */
  @ResolveField('memberships', () => [MembershipType])
  async memberships(@Parent() user: UserType, @Context() context: GraphQLContext): Promise<MembershipType[]> {
    const actor = context.actor;
    const loaders = this.loaders.of(context);
    const theirs = await loaders.memberships.load(user.id);
    if (user.signedInAs) return theirs.map((membership) => presentMembership(membership));
    if (actor === undefined) return [];
    if (actor.userId === user.id || actor.platformAdmin) return theirs.map((membership) => presentMembership(membership));
    const mine = new Set((await loaders.memberships.load(actor.userId)).map((membership) => membership.organizationId));
    return theirs.filter((membership) => mine.has(membership.organizationId)).map((membership) => presentMembership(membership));
  }
}
