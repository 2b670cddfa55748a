import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { FindClaimableOffers, FindOfferMatches } from '#application';
import { MemberRole } from '#domain';
import { CheckedByUseCase, MemberOf } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { presentOfferMatch } from './offer-match.presenter';
import { OfferMatchConnectionType, OfferMatchType } from './offer-match.type';

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly findOfferMatches: FindOfferMatches,
    private readonly findClaimableOffers: FindClaimableOffers,
  ) {}

  @CheckedByUseCase('the offer names the donor: its ADMIN or STAFF only (FindOfferMatches)')
  @Query(() => [OfferMatchType], { description: 'Recipients this offer should go to, best first.' })
  async offerMatches(
    @Args('offerId', { type: () => ID }) offerId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many (default 20, at most 100).' }) first: number | null | undefined,
    @Context() context: GraphQLContext,
  ): Promise<OfferMatchType[]> {
    const matches = await this.findOfferMatches.execute({ actor: context.actor, offerId, first });
    return matches.map((match) => presentOfferMatch(match, context.language));
  }

  @MemberOf([MemberRole.ADMIN, MemberRole.STAFF], 'organizationId')
  @Query(() => OfferMatchConnectionType, { description: 'Offers this recipient may claim now, best match first.' })
  async claimableOffers(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size (default 20, at most 100).' }) first: number | null | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Context() context: GraphQLContext,
  ): Promise<OfferMatchConnectionType> {
    const page = await this.findClaimableOffers.execute({ actor: context.actor, organizationId, first, after });
    return {
      edges: page.edges.map((edge) => ({ node: presentOfferMatch(edge.node, context.language), cursor: edge.cursor })),
      pageInfo: { hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor },
    };
  }
}
