import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { TemperatureClass } from './organization.enums';

@InputType('CapacityInput')
export class CapacityInput {
  @Field(() => TemperatureClass) temperature!: TemperatureClass;
  @Field(() => Float, { description: 'Free storage in kg, 0 or more.' }) kg!: number;
}

@InputType('RecipientProfileInput')
export class RecipientProfileInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => [String], { description: 'Codes from `categories`; a parent accepts its children.' }) acceptedCategories!: string[];
  @Field(() => [CapacityInput], { description: 'A class left out has no free storage.' }) capacities!: CapacityInput[];
  @Field(() => Float, { description: 'More than 0, at most 300 km.' }) serviceRadiusKm!: number;
  @Field(() => Int, { nullable: true, description: '48 by default; shorter only with redistributesFaster.' }) dlcMarginHours?: number | null;
  @Field(() => Boolean, { nullable: true }) redistributesFaster?: boolean | null;
  @Field(() => Int, { nullable: true }) peoplePerWeek?: number | null;
}
