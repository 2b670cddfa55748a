import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, MemberRole } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from './organization.loaders';
import { presentOrganization } from './organization.presenter';
import { MembershipType, OrganizationType } from './organization.type';

@Resolver(() => MembershipType)
export class MembershipFieldsResolver {
  constructor(private readonly loaders: OrganizationLoaders) {}

  @ResolveField('organization', () => OrganizationType)
  async organization(@Parent() membership: MembershipType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.loaders.of(context).organization.load(membership.organizationId);
    // Memberships cascade with their organisation, so this is a deletion racing the request.
    if (organization === null) throw new DomainError('NOT_FOUND');
    return presentOrganization(organization);
  }

  /**
   * Whether an invitation still waits for its person to register tells whether an address has an
   * account: the organisation's ADMINs (who invite) read it, nobody else.
   */
  @ResolveField('pending', () => Boolean, {
    nullable: true,
    description:
      'True for an invitation waiting for the person to register; it becomes a membership then. Null unless the caller is an ADMIN of the organisation.',
  })
  async pending(@Parent() membership: MembershipType, @Context() context: GraphQLContext): Promise<boolean | null> {
    return (await this.loaders.actorRole(context, membership.organizationId)) === MemberRole.ADMIN ? membership.pending : null;
  }
}
