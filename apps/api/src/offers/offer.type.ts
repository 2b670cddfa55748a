import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { PageInfoType } from '../graphql/page-info.type';
import { GeoPointType } from '../organizations/geo-point.type';
import { TemperatureClass } from '../organizations/organization.enums';
import { ClaimStatus, DateKind, OfferStatus, RefusalReason } from './offer.enums';

@ObjectType('OfferItem')
export class OfferItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'A code of the category taxonomy (see `categories`).' }) category!: string;
  @Field() description!: string;
  @Field(() => Float) quantityKg!: number;
  @Field(() => Float, { description: 'What no claim holds yet.' }) remainingKg!: number;
  @Field(() => TemperatureClass) temperature!: TemperatureClass;
  @Field(() => DateKind) dateKind!: DateKind;
  @Field(() => DateScalar, { nullable: true, description: 'The DLC or DDM printed on the label.' }) date!: string | null;
  @Field(() => [String], { description: 'EU allergen codes (the 14 of regulation 1169/2011).' }) allergens!: string[];
  @Field(() => String, { nullable: true, description: 'GTIN/EAN, check digit verified.' }) gtin!: string | null;
  @Field(() => String, { nullable: true }) lotNumber!: string | null;
  @Field(() => Int, { nullable: true, description: 'Cost price per kilogram in euro cents, for the tax valuation.' }) unitCostCents!: number | null;
}

/**
 * An offer as the API shows it. `donor`, `site` and `claims` are resolved by OfferFieldsResolver
 * through per-request loaders; the ids they need travel in the fields without @Field.
 */
@ObjectType('Offer')
export class OfferType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => OfferStatus) status!: OfferStatus;
  @Field(() => [OfferItemType]) items!: OfferItemType[];
  @Field() pickupFrom!: Date;
  @Field() pickupUntil!: Date;
  @Field(() => Float) totalKg!: number;
  @Field(() => Float) remainingKg!: number;
  @Field(() => GeoPointType, { description: 'Where the goods are: the site’s location when the offer was created.' }) location!: GeoPointType;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the donor withdrew it.' }) withdrawalReason!: string | null;
  @Field(() => String, { nullable: true, description: 'WINDOW_OVER or NO_DLC_MARGIN_LEFT once EXPIRED.' }) expiryReason!: string | null;
  donorOrganizationId!: string;
  siteId!: string;
}

@ObjectType('OfferEdge')
export class OfferEdgeType {
  @Field(() => OfferType) node!: OfferType;
  @Field() cursor!: string;
}

@ObjectType('OfferConnection')
export class OfferConnectionType {
  @Field(() => [OfferEdgeType]) edges!: OfferEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType('ClaimLine')
export class ClaimLineType {
  @Field(() => OfferItemType) item!: OfferItemType;
  @Field(() => Float) quantityKg!: number;
}

@ObjectType('ClaimRefusal', { description: 'Goods of a claim refused: all of them (the claim is REFUSED) or the part not accepted at delivery (DELIVERED).' })
export class ClaimRefusalType {
  @Field(() => RefusalReason) reason!: RefusalReason;
  @Field(() => String, { nullable: true, description: 'What the person added to the reason (required for OTHER).' }) detail!: string | null;
  @Field(() => Float, { description: 'The kilos refused.' }) kg!: number;
}

/** `offer` and `recipient` are resolved by ClaimFieldsResolver. */
@ObjectType('Claim')
export class ClaimType {
  @Field(() => ID) id!: string;
  @Field(() => ClaimStatus) status!: ClaimStatus;
  @Field(() => [ClaimLineType], {
    description: 'Per item: the kilos claimed, then as collected, then as accepted at delivery (one weighing per stop, spread over the lines in proportion).',
  })
  lines!: ClaimLineType[];
  @Field(() => Float) totalKg!: number;
  @Field(() => ClaimRefusalType, { nullable: true, description: 'What was refused, if anything, and why.' }) refusal!: ClaimRefusalType | null;
  @Field(() => DateScalar, { description: 'The Paris day of the pickup.' }) pickupDay!: string;
  @Field() createdAt!: Date;
  offerId!: string;
  recipientOrganizationId!: string;
  /** The offer as already loaded by whoever presented the claim, so Claim.offer costs no query. */
  offer?: OfferType;
}

@ObjectType('ClaimEdge')
export class ClaimEdgeType {
  @Field(() => ClaimType) node!: ClaimType;
  @Field() cursor!: string;
}

@ObjectType('ClaimConnection')
export class ClaimConnectionType {
  @Field(() => [ClaimEdgeType]) edges!: ClaimEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
