import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '../graphql/page-info.type';

/**
 * `offer`, `recipient` and `site` are resolved by OfferMatchFieldsResolver through the per-request
 * loaders; the ids they need travel in the fields without @Field.
 */
@ObjectType('OfferMatch', { description: 'Why a recipient is a good destination for an offer.' })
export class OfferMatchType {
  @Field(() => Float, { description: 'From the donor site to the recipient site, by PostGIS on geography.' }) distanceKm!: number;
  @Field(() => Float, { description: 'Between 0 and 1: distance, urgency, capacity fit and fairness, weighted (libs/matching).' })
  score!: number;
  @Field(() => Int, { description: 'Position among the offer’s matches, 1 for the best (always 1 in claimableOffers).' }) rank!: number;
  @Field(() => Float, { description: 'Kg of the offer this recipient could take within its free storage that day.' }) absorbableKg!: number;
  @Field(() => [String], { description: 'Why, in words: French by default, English when the request prefers it.' }) reasons!: string[];
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
