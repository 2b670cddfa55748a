import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MEMBER_ROLES } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from './organization.loaders';
import { SiteType } from './site.type';

@Resolver(() => SiteType)
export class SiteFieldsResolver {
  constructor(private readonly loaders: OrganizationLoaders) {}

  // Every member, drivers included, needs them to reach the organisation's own sites; drivers of
  // other organisations get them with the runs that take them there.
  @ResolveField('accessInstructions', () => String, {
    nullable: true,
    description: "Private to the organisation's members (and platform admins); null for anyone else.",
  })
  async accessInstructions(@Parent() site: SiteType, @Context() context: GraphQLContext): Promise<string | null> {
    return (await this.loaders.mayReadPrivate(context, site.organizationId, MEMBER_ROLES)) ? site.accessInstructions : null;
  }
}
