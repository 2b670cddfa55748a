import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { PublishOffer } from '#application';
import { CheckedByUseCase } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { presentOffer } from './offer.presenter';
import { OfferType } from './offer.type';

@Resolver()
export class PublishOfferResolver {
  constructor(private readonly publishOfferUseCase: PublishOffer) {}

  @CheckedByUseCase('the offer names the donor: its ADMIN or STAFF only (PublishOffer)')
  @Mutation(() => OfferType, {
    description:
      'DRAFT → PUBLISHED, by the donor’s admin or staff; the best matching recipients are told at once, then more while nobody claims. ' +
      'Refused with DLC_EXPIRED (field items.N.date) when an item’s use-by date has passed.',
  })
  async publishOffer(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<OfferType> {
    return presentOffer(await this.publishOfferUseCase.execute({ actor: context.actor, offerId: id }));
  }
}
