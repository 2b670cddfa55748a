import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CancelClaim, ClaimOffer, ListClaims, type OfferClaim } from '#application';
import { MemberRole } from '#domain';
import { CheckedByUseCase, MemberOf } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OfferLoaders } from '../offers/offer.loaders';
import { presentClaim, presentOffer } from '../offers/offer.presenter';
import { ClaimConnectionType, ClaimType } from '../offers/offer.type';
import { ClaimOfferInput } from './claim.input';

@Resolver()
export class ClaimsResolver {
  constructor(
    private readonly claimOfferUseCase: ClaimOffer,
    private readonly cancelClaimUseCase: CancelClaim,
    private readonly listClaims: ListClaims,
    private readonly offerLoaders: OfferLoaders,
  ) {}

  @MemberOf([MemberRole.ADMIN, MemberRole.STAFF], 'input.organizationId')
  @Mutation(() => ClaimType, {
    description:
      'A verified recipient’s admin or staff claims kilos of an open offer it is eligible for (the engine of offerMatches), within its free storage that day. ' +
      'Refused with ALREADY_CLAIMED, CLAIM_EXCEEDS_REMAINING, CAPACITY_EXCEEDED, RECIPIENT_NOT_ELIGIBLE, IDEMPOTENCY_KEY_REUSED … (each with its field).',
  })
  async claimOffer(@Args('input') input: ClaimOfferInput, @Context() context: GraphQLContext): Promise<ClaimType> {
    const claim = await this.claimOfferUseCase.execute({
      actor: context.actor,
      offerId: input.offerId,
      organizationId: input.organizationId,
      lines: input.lines?.map((line) => ({ itemId: line.itemId, quantityKg: line.quantityKg })) ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    return this.present(claim, context);
  }

  @CheckedByUseCase('the claim names the recipient (its ADMIN or STAFF) and the offer the donor (its ADMIN or STAFF, with a reason): CancelClaim')
  @Mutation(() => ClaimType, {
    description: 'Before collection: by the recipient (reason optional) or by the donor (reason required). The kilos go back to the offer.',
  })
  async cancelClaim(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GraphQLContext,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<ClaimType> {
    return this.present(await this.cancelClaimUseCase.execute({ actor: context.actor, claimId: id, reason }), context);
  }

  @MemberOf([MemberRole.ADMIN, MemberRole.STAFF, MemberRole.DRIVER], 'organizationId')
  @Query(() => ClaimConnectionType, { description: 'A recipient’s own claims, or the claims on a donor’s offers; newest first.' })
  async claims(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 100, 20 by default.' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ClaimConnectionType> {
    const connection = await this.listClaims.execute({ actor: context.actor, organizationId, first, after });
    const nodes = await Promise.all(connection.edges.map((edge) => this.present(edge.node, context)));
    return {
      edges: connection.edges.map((edge, index) => ({ node: nodes[index], cursor: edge.cursor })),
      pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor },
    };
  }

  /** Through the request's offer loader: a page of claims on a few offers loads each offer once. */
  private async present(claim: OfferClaim, context: GraphQLContext): Promise<ClaimType> {
    const offer = await this.offerLoaders.of(context).offer.load(claim.offerId);
    // Whoever reads a claim reads its offer (its donor, or a claimant): OfferVisibility.
    if (offer === null) throw new Error(`claim ${claim.id}: offer ${claim.offerId} not readable`);
    return presentClaim(claim, presentOffer(offer));
  }
}
