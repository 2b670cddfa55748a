import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Site } from '#application';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OfferLoaders } from '../offers/offer.loaders';
import { presentClaim, presentOffer } from '../offers/offer.presenter';
import { ClaimType } from '../offers/offer.type';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { presentOrganization, presentSite } from '../organizations/organization.presenter';
import { OrganizationType } from '../organizations/organization.type';
import { SiteType } from '../organizations/site.type';
import { RunLoaders } from './run.loaders';
import { PickupRunType, PickupStopType } from './run.type';

/** PickupRun fields that fetch, through per-request loaders. */
@Resolver(() => PickupRunType)
export class PickupRunFieldsResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaders) {}

  @ResolveField('organization', () => OrganizationType, { description: 'The recipient whose run it is.' })
  async organization(@Parent() run: PickupRunType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.organizationLoaders.of(context).organization.load(run.organizationId);
    if (organization === null) throw new Error(`run ${run.id}: organisation ${run.organizationId} not found`);
    return presentOrganization(organization);
  }
}

/** PickupStop fields that fetch. Whoever sees the stop (its run's readers) sees where it is and what it carries. */
@Resolver(() => PickupStopType)
export class PickupStopFieldsResolver {
  constructor(
    private readonly organizationLoaders: OrganizationLoaders,
    private readonly offerLoaders: OfferLoaders,
    private readonly runLoaders: RunLoaders,
  ) {}

  @ResolveField('site', () => SiteType, { description: 'The donor’s site (COLLECT) or the recipient’s (DELIVER).' })
  async site(@Parent() stop: PickupStopType, @Context() context: GraphQLContext): Promise<SiteType> {
    return presentSite(await this.siteOf(stop, context));
  }

  @ResolveField('accessInstructions', () => String, {
    nullable: true,
    description: 'How to get in (entrance, loading bay, door code), for whoever follows the stop; the site’s own field stays private to its organisation.',
  })
  async accessInstructions(@Parent() stop: PickupStopType, @Context() context: GraphQLContext): Promise<string | null> {
    return (await this.siteOf(stop, context)).accessInstructions;
  }

  @ResolveField('claim', () => ClaimType, { description: 'The claim whose goods are collected or delivered here.' })
  async claim(@Parent() stop: PickupStopType, @Context() context: GraphQLContext): Promise<ClaimType> {
    const claim = await this.runLoaders.of(context).claim.load(stop.claimId);
    if (claim === null) throw new Error(`stop ${stop.id}: claim ${stop.claimId} not found`);
    // Who sees the stop reads the claim's offer: the donor its own, the recipient's members one it claimed.
    const offer = await this.offerLoaders.of(context).offer.load(claim.offerId);
    if (offer === null) throw new Error(`stop ${stop.id}: offer ${claim.offerId} not readable`);
    return presentClaim(claim, presentOffer(offer));
  }

  private async siteOf(stop: PickupStopType, context: GraphQLContext): Promise<Site> {
    const sites = await this.organizationLoaders.of(context).sites.load(stop.organizationId);
    const site = sites.find((candidate) => candidate.id === stop.siteId);
    if (site === undefined) throw new Error(`stop ${stop.id}: site ${stop.siteId} not found`);
    return site;
  }
}
