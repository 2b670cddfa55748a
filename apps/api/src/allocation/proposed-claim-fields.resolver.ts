import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { presentOrganization } from '../organizations/organization.presenter';
import { OrganizationType } from '../organizations/organization.type';
import { ProposedClaimType } from './allocation-proposal.type';

/** ProposedClaim fields that fetch, through the per-request loader (one query for all recipients). */
@Resolver(() => ProposedClaimType)
export class ProposedClaimFieldsResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaders) {}

  @ResolveField('recipient', () => OrganizationType)
  async recipient(@Parent() claim: ProposedClaimType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.organizationLoaders.of(context).organization.load(claim.recipientOrganizationId);
    // Proposals only name existing recipients (foreign keys); deleted since, it is a bug to report.
    if (organization === null) throw new Error(`proposed claim: recipient ${claim.recipientOrganizationId} not found`);
    return presentOrganization(organization);
  }
}
