import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MatchFit } from '#application';
import { PageInfoType } from '../graphql/page-info.type';

registerEnumType(MatchFit, {
  name: 'MatchFit',
  description: 'How much of the lot the recipient could take within its free storage that day: all of it, or only part.',
});

/**
 * `offer`, `recipient` and `site` are resolved by OfferMatchFieldsResolver through the per-request
 * loaders; the ids they need travel in the fields without @Field.
 */
@ObjectType('OfferMatch', {
  description:
    'Why a recipient is a good destination for an offer. The donor sees the recipient, the distance and a coarse fit; the detailed reasons (free storage, radius, fairness) are for the recipient itself and platform admins.',
})
export class OfferMatchType {
  @Field(() => Float, { description: 'From the donor site to the recipient site, by PostGIS on geography.' }) distanceKm!: number;
  @Field(() => Float, { description: 'Between 0 and 1: distance, urgency, capacity fit and fairness, weighted (libs/matching).' })
  score!: number;
  @Field(() => Int, { description: 'Position among the offer’s matches, 1 for the best (always 1 in claimableOffers).' }) rank!: number;
  @Field(() => MatchFit, { description: 'Whether the recipient could take the whole lot or only part of it.' }) fit!: MatchFit;
  @Field(() => Float, {
    nullable: true,
    description: 'Kg of the offer this recipient could take within its free storage that day; null for the donor (it would tell the free storage).',
  })
  absorbableKg!: number | null;
  @Field(() => [String], {
    description: 'Why, in words: French by default, English when the request prefers it. The donor reads the habilitation, the distance and the fit only.',
  })
  reasons!: string[];
  offerId!: string;
  recipientOrganizationId!: string;
  siteId!: string;
}

@ObjectType('OfferMatchEdge')
export class OfferMatchEdgeType {
  @Field(() => OfferMatchType) node!: OfferMatchType;
  @Field() cursor!: string;
}

@ObjectType('OfferMatchConnection')
export class OfferMatchConnectionType {
  @Field(() => [OfferMatchEdgeType]) edges!: OfferMatchEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
