import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CreateOffer, GetOffers, ListOffers, WithdrawOffer, type EventPayloads } from '#application';
import { DomainError } from '#domain';
import { RedisEventBus } from '#jobs';
import { Authenticated, CheckedByUseCase } from '../auth/access-policy.decorator';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import type { GraphQLContext } from '../graphql/graphql-context';
import { CreateOfferInput, OfferFilterInput } from './offer.input';
import { presentOffer } from './offer.presenter';
import { OfferConnectionType, OfferType } from './offer.type';

type OfferChanged = EventPayloads['offers.changed'];

@Resolver()
export class OffersResolver {
  constructor(
    private readonly createOfferUseCase: CreateOffer,
    private readonly withdrawOfferUseCase: WithdrawOffer,
    private readonly getOffers: GetOffers,
    private readonly listOffers: ListOffers,
    private readonly events: RedisEventBus,
    private readonly policies: AccessPolicyEnforcer,
  ) {}

  @CheckedByUseCase('the site names the donor: its ADMIN or STAFF only (CreateOffer)')
  @Mutation(() => OfferType, { description: 'A donor’s admin or staff posts a lot at one of its sites, as a DRAFT.' })
  async createOffer(@Args('input') input: CreateOfferInput, @Context() context: GraphQLContext): Promise<OfferType> {
    const created = await this.createOfferUseCase.execute({
      actor: context.actor,
      siteId: input.siteId,
      title: input.title,
      items: input.items.map((item) => ({
        category: item.category,
        description: item.description,
        quantityKg: item.quantityKg,
        temperature: item.temperature,
        dateKind: item.dateKind,
        date: item.date,
        allergens: item.allergens,
        gtin: item.gtin,
        lotNumber: item.lotNumber,
        unitCostCents: item.unitCostCents,
      })),
      pickupFrom: input.pickupFrom,
      pickupUntil: input.pickupUntil,
    });
    return presentOffer(created);
  }

  @CheckedByUseCase('the offer names the donor: its ADMIN or STAFF only (WithdrawOffer)')
  @Mutation(() => OfferType, { description: 'The donor takes its offer back before collection; confirmed claims are cancelled with the reason.' })
  async withdrawOffer(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @Context() context: GraphQLContext): Promise<OfferType> {
    return presentOffer(await this.withdrawOfferUseCase.execute({ actor: context.actor, offerId: id, reason }));
  }

  @Authenticated()
  @Query(() => OfferType, {
    nullable: true,
    description: 'Null when unknown or not yours to see: open offers are visible to every member; others to their donor and claimants.',
  })
  async offer(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<OfferType | null> {
    const found = await this.getOffers.one(context.actor, id);
    return found === undefined ? null : presentOffer(found);
  }

  @Authenticated()
  @Query(() => OfferConnectionType, {
    description: 'Newest first. Open offers for everyone signed in; your organisations’ offers in every state; offers you claimed.',
  })
  async offers(
    @Context() context: GraphQLContext,
    @Args('filter', { type: () => OfferFilterInput, nullable: true }) filter?: OfferFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 100, 20 by default.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<OfferConnectionType> {
    const connection = await this.listOffers.execute({ actor: context.actor, filter, first, after });
    return {
      edges: connection.edges.map((edge) => ({ node: presentOffer(edge.node), cursor: edge.cursor })),
      pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor },
    };
  }

  /**
   * Who may follow an offer: whoever may read it (see `offer`), checked when subscribing and again
   * on every event, so a recipient stops hearing of an offer that closed to it (claimed by another).
   */
  @CheckedByUseCase('whoever may read the offer (GetOffers), checked at subscription and on every event')
  @Subscription(() => OfferType, {
    description: 'Any change to an offer’s claims or status.',
    filter(this: OffersResolver, payload: OfferChanged, variables: { offerId: string }, context: GraphQLContext): Promise<boolean> {
      return this.visibleChange(payload, variables, context);
    },
    resolve(this: OffersResolver, payload: OfferChanged, _variables: { offerId: string }, context: GraphQLContext): Promise<OfferType> {
      return this.currentOffer(payload.offerId, context);
    },
  })
  async offerChanged(@Args('offerId', { type: () => ID }) offerId: string, @Context() context: GraphQLContext): Promise<AsyncIterableIterator<OfferChanged>> {
    // Subscribe first, so no change between the check and the subscription is missed.
    const events = await this.events.subscribe('offers.changed');
    if ((await this.getOffers.one(context.actor, offerId)) === undefined) {
      await events.return?.();
      throw new DomainError('NOT_FOUND', 'offerId');
    }
    return events;
  }

  /** The connection's actor as its latest token names them: still signed in (the policy) and still allowed to read the offer. */
  private async visibleChange(payload: OfferChanged, variables: { offerId: string }, context: GraphQLContext): Promise<boolean> {
    if (payload.offerId !== variables.offerId.toLowerCase()) return false;
    if (!(await this.policies.stillAllows(OffersResolver.prototype.offerChanged, context, variables))) return false;
    return (await this.getOffers.one(context.actor, payload.offerId)) !== undefined;
  }

  private async currentOffer(offerId: string, context: GraphQLContext): Promise<OfferType> {
    const found = await this.getOffers.one(context.actor, offerId);
    if (found === undefined) {
      throw new DomainError('NOT_FOUND', 'offerId');
    }
    return presentOffer(found);
  }
}
