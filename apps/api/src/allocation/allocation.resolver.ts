import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { ProposeAllocation } from '#application';
import { CheckedByUseCase } from '../auth/access-policy.decorator';
import { DateScalar } from '../graphql/date.scalar';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OfferLoaders } from '../offers/offer.loaders';
import { presentOffer } from '../offers/offer.presenter';
import type { OfferType } from '../offers/offer.type';
import { presentAllocationProposal } from './allocation.presenter';
import { AllocationProposalType } from './allocation-proposal.type';

@Resolver()
export class AllocationResolver {
  constructor(
    private readonly proposeAllocationUseCase: ProposeAllocation,
    private readonly offerLoaders: OfferLoaders,
  ) {}

  @CheckedByUseCase('a coordinator: ADMIN or STAFF of the verified recipient organisation (its own lines only), or a platform admin (ProposeAllocation)')
  @Query(() => AllocationProposalType, {
    description:
      'For a coordinator (a food bank dispatching to its partners): how to split the open offers of its area among its recipients for one day. Proposed, not applied.',
  })
  async proposeAllocation(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('day', { type: () => DateScalar, nullable: true, description: 'Paris day of the pickups; today when absent.' }) day: string | null,
    @Context() context: GraphQLContext,
  ): Promise<AllocationProposalType> {
    const proposal = await this.proposeAllocationUseCase.execute({ actor: context.actor, organizationId, day });
    const ids = [...new Set(proposal.proposedClaims.map((claim) => claim.offerId))];
    const loaded = await this.offerLoaders.of(context).offer.loadMany(ids);
    const offers = new Map<string, OfferType>();
    for (const found of loaded) {
      if (found instanceof Error) throw found;
      if (found !== null) offers.set(found.offer.id, presentOffer(found));
    }
    return presentAllocationProposal(proposal, offers);
  }
}
