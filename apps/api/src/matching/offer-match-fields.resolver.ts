import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OfferLoaders } from '../offers/offer.loaders';
import { presentOffer } from '../offers/offer.presenter';
import { OfferType } from '../offers/offer.type';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { presentOrganization, presentSite } from '../organizations/organization.presenter';
import { OrganizationType } from '../organizations/organization.type';
import { SiteType } from '../organizations/site.type';
import { OfferMatchType } from './offer-match.type';

/** OfferMatch fields that fetch, through the per-request loaders (one query per page, not per match). */
@Resolver(() => OfferMatchType)
export class OfferMatchFieldsResolver {
  constructor(
    private readonly offerLoaders: OfferLoaders,
    private readonly organizationLoaders: OrganizationLoaders,
  ) {}

  @ResolveField('offer', () => OfferType)
  async offer(@Parent() match: OfferMatchType, @Context() context: GraphQLContext): Promise<OfferType> {
    // The donor's members read their own offers, and every member reads open ones (OfferVisibility);
    // an offer that closed between the match and this read is gone from the caller's view.
    const stored = await this.offerLoaders.of(context).offer.load(match.offerId);
    if (stored === null) throw new DomainError('NOT_FOUND', 'offer');
    return presentOffer(stored);
  }

  @ResolveField('recipient', () => OrganizationType)
  async recipient(@Parent() match: OfferMatchType, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.organizationLoaders.of(context).organization.load(match.recipientOrganizationId);
    // The match was read from the recipient's own rows a moment ago.
    if (organization === null) throw new Error(`match: recipient ${match.recipientOrganizationId} not found`);
    return presentOrganization(organization);
  }

  @ResolveField('site', () => SiteType, { description: 'The recipient’s site the goods would go to.' })
  async site(@Parent() match: OfferMatchType, @Context() context: GraphQLContext): Promise<SiteType> {
    const sites = await this.organizationLoaders.of(context).sites.load(match.recipientOrganizationId);
    const site = sites.find((candidate) => candidate.id === match.siteId);
    if (site === undefined) throw new Error(`match: site ${match.siteId} not found`);
    return presentSite(site);
  }
}
