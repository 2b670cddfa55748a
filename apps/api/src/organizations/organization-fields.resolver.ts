import { Logger } from '@nestjs/common';
import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ListOrganizationMembers } from '#application';
import { MemberRole } from '#domain';
import { toGraphQLError } from '../errors/to-graphql-error';
import type { GraphQLContext } from '../graphql/graphql-context';
import { isVerifiedPlatformAdmin, OrganizationLoaders } from './organization.loaders';
import { presentOrganization, presentRecipientProfile, presentSite } from './organization.presenter';
import { OrganizationMemberConnectionType, OrganizationType } from './organization.type';
import { RecipientProfileType } from './recipient-profile.type';
import { SiteType } from './site.type';

// Capacities, members and the habilitation file are the organisation's business: its admins and
// staff see them (drivers see only what concerns their runs), platform admins too (vetting).
const OFFICE_ROLES = [MemberRole.ADMIN, MemberRole.STAFF] as const;

/**
 * The fields of Organization that fetch or are private. A caller not entitled to a private field
 * reads null, not an error: nullable fields answer the same for "none" and "not yours", so nothing
 * leaks about whether an outsider's profile exists.
 */
@Resolver(() => OrganizationType)
export class OrganizationFieldsResolver {
  private readonly logger = new Logger('GraphQL');

  constructor(
    private readonly loaders: OrganizationLoaders,
    private readonly listMembers: ListOrganizationMembers,
  ) {}

  @ResolveField('sites', () => [SiteType], { description: 'Public: name, address, location and hours (access instructions are private).' })
  async sites(@Parent() organization: OrganizationType, @Context() context: GraphQLContext): Promise<SiteType[]> {
    return (await this.loaders.of(context).sites.load(organization.id)).map(presentSite);
  }

  @ResolveField('recipientProfile', () => RecipientProfileType, {
    nullable: true,
    description: "Null when none is declared, and for anyone but the organisation's admins and staff (and platform admins).",
  })
  async recipientProfile(@Parent() organization: OrganizationType, @Context() context: GraphQLContext): Promise<RecipientProfileType | null> {
    if (!(await this.loaders.mayReadPrivate(context, organization.id, OFFICE_ROLES))) return null;
    const profile = await this.loaders.of(context).recipientProfile.load(organization.id);
    return profile === null ? null : presentRecipientProfile(profile);
  }

  @ResolveField('habilitationReference', () => String, { nullable: true, description: "Private: the organisation's admins and staff, and platform admins." })
  async habilitationReference(@Parent() organization: OrganizationType, @Context() context: GraphQLContext): Promise<string | null> {
    return (await this.loaders.mayReadPrivate(context, organization.id, OFFICE_ROLES)) ? organization.habilitationReference : null;
  }

  @ResolveField('sameLegalIdOrganizations', () => [OrganizationType], {
    nullable: true,
    description:
      'Platform admins only (null for anyone else): the other organisations registered with the same legal id, verified or not, oldest first. ' +
      'Unverified organisations may share a number; only one of them can be verified.',
  })
  async sameLegalIdOrganizations(@Parent() organization: OrganizationType, @Context() context: GraphQLContext): Promise<OrganizationType[] | null> {
    if (!isVerifiedPlatformAdmin(context)) return null;
    const holders = await this.loaders.of(context).byLegalId.load(organization.legalId);
    return holders.filter((holder) => holder.id !== organization.id).map(presentOrganization);
  }

  @ResolveField('members', () => OrganizationMemberConnectionType, {
    nullable: true,
    description: "Private: the organisation's admins and staff, and platform admins; null for anyone else. Oldest first.",
  })
  async members(
    @Parent() organization: OrganizationType,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 200, 50 by default.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<OrganizationMemberConnectionType | null> {
    if (!(await this.loaders.mayReadPrivate(context, organization.id, OFFICE_ROLES))) return null;
    // Nest runs no exception filter on field resolvers (fieldResolverEnhancers is off), so a bad
    // cursor or page size is mapped here, to keep its code and field.
    const connection = await this.listMembers.execute({ organizationId: organization.id, first, after }).catch((error: unknown) => {
      throw toGraphQLError(error, context.language, this.logger);
    });
    return { edges: connection.edges.map((edge) => ({ node: { ...edge.node }, cursor: edge.cursor })), pageInfo: { ...connection.pageInfo } };
  }
}
