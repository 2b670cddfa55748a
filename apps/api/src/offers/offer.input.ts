import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { GeoPointInput } from '../organizations/geo-point.type';
import { TemperatureClass } from '../organizations/organization.enums';
import { DateKind, OfferStatus } from './offer.enums';

@InputType('OfferItemInput')
export class OfferItemInput {
  @Field({ description: 'A code of the category taxonomy.' }) category!: string;
  @Field() description!: string;
  @Field(() => Float, { description: 'More than 0, at most 100 000.' }) quantityKg!: number;
  @Field(() => TemperatureClass) temperature!: TemperatureClass;
  @Field(() => DateKind) dateKind!: DateKind;
  @Field(() => DateScalar, { nullable: true, description: 'Required for DLC, optional for DDM, absent for NONE.' }) date?: string | null;
  @Field(() => [String], { nullable: true, description: 'EU allergen codes: GLUTEN, MILK, EGGS …' }) allergens?: string[] | null;
  @Field(() => String, { nullable: true, description: 'GTIN/EAN of 8, 12, 13 or 14 digits.' }) gtin?: string | null;
  @Field(() => String, { nullable: true }) lotNumber?: string | null;
  @Field(() => Int, { nullable: true, description: 'Cost price per kilogram in euro cents.' }) unitCostCents?: number | null;
}

@InputType('CreateOfferInput')
export class CreateOfferInput {
  @Field(() => ID, { description: 'One of your organisation’s sites.' }) siteId!: string;
  @Field() title!: string;
  @Field(() => [OfferItemInput], { description: '1 to 100 items.' }) items!: OfferItemInput[];
  @Field() pickupFrom!: Date;
  @Field({ description: 'After pickupFrom and in the future; at most 14 days after pickupFrom.' }) pickupUntil!: Date;
}

@InputType('OfferFilter')
export class OfferFilterInput {
  @Field(() => [OfferStatus], { nullable: true }) status?: OfferStatus[] | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'With radiusKm: offers within that distance of this point.' }) near?: GeoPointInput | null;
  @Field(() => Float, { nullable: true, description: 'More than 0, at most 300; only with near.' }) radiusKm?: number | null;
  @Field(() => String, { nullable: true, description: 'Offers with an item in this category or under it.' }) category?: string | null;
}
