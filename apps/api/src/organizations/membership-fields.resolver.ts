import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '#domain';
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
}
