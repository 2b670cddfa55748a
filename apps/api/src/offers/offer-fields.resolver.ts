import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { presentOrganization, presentSite } from '../organizations/organization.presenter';
import { OrganizationType } from '../organizations/organization.type';
import { SiteType } from '../organizations/site.type';
import { OfferLoaders } from './offer.loaders';
import { presentClaim, presentOffer } from './offer.presenter';
import { ClaimType, OfferType } from './offer.type';

/** Offer fields that fetch, through per-request loaders (one query per page, not per offer). */
@Resolver(() => OfferType)
export class OfferFieldsResolver {
  constructor(
    private readonly organizationLoaders: OrganizationLoaders,
    private readonly offerLoaders: OfferLoaders,
  ) {}

  @ResolveField('donor', () => OrganizationType)
  async donor(@Parent() offer: OfferType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.organizationLoaders.of(context).organization.load(offer.donorOrganizationId);
    // The foreign key (ON DELETE RESTRICT) guarantees it exists.
    if (organization === null) throw new Error(`offer ${offer.id}: donor ${offer.donorOrganizationId} not found`);
    return presentOrganization(organization);
  }

  @ResolveField('site', () => SiteType, { description: 'Where to collect the goods.' })
  async site(@Parent() offer: OfferType, @Context() context: GraphQLContext): Promise<SiteType> {
    // An organisation has a handful of sites: loading them all by organisation batches best.
    const sites = await this.organizationLoaders.of(context).sites.load(offer.donorOrganizationId);
    const site = sites.find((candidate) => candidate.id === offer.siteId);
    if (site === undefined) throw new Error(`offer ${offer.id}: site ${offer.siteId} not found`);
    return presentSite(site);
  }

  @ResolveField('claims', () => [ClaimType], {
    description: 'Every claim for the donor’s members; a recipient sees only its own organisations’ claims. Oldest first.',
  })
  async claims(@Parent() offer: OfferType, @Context() context: GraphQLContext): Promise<ClaimType[]> {
    const claims = await this.offerLoaders.of(context).claims.load({ id: offer.id, donorOrganizationId: offer.donorOrganizationId });
    return claims.map((claim) => presentClaim(claim, offer));
  }
}

/** Claim fields that fetch. */
@Resolver(() => ClaimType)
export class ClaimFieldsResolver {
  constructor(
    private readonly organizationLoaders: OrganizationLoaders,
    private readonly offerLoaders: OfferLoaders,
  ) {}

  @ResolveField('offer', () => OfferType)
  async offer(@Parent() claim: ClaimType, @Context() context: GraphQLContext): Promise<OfferType> {
    if (claim.offer !== undefined) return claim.offer;
    const found = await this.offerLoaders.of(context).offer.load(claim.offerId);
    // Whoever reads a claim reads its offer (donor or claimant: OfferVisibility).
    if (found === null) throw new Error(`claim ${claim.id}: offer ${claim.offerId} not readable`);
    return presentOffer(found);
  }

  @ResolveField('recipient', () => OrganizationType)
  async recipient(@Parent() claim: ClaimType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.organizationLoaders.of(context).organization.load(claim.recipientOrganizationId);
    if (organization === null) throw new Error(`claim ${claim.id}: recipient ${claim.recipientOrganizationId} not found`);
    return presentOrganization(organization);
  }
}
