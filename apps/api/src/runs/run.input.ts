import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';

@InputType('VehicleInput')
export class VehicleInput {
  @Field(() => Float, { description: 'Payload in kg: more than 0, at most 25 000.' }) capacityKg!: number;
  @Field({ description: 'A refrigerated body carries chilled and frozen goods.' }) refrigerated!: boolean;
  @Field(() => ID, { nullable: true, description: 'A DRIVER of the organisation: only they are given this vehicle’s runs.' })
  driverId?: string | null;
}

@InputType('PlanRunsInput')
export class PlanRunsInput {
  @Field(() => ID, { description: 'The recipient whose day it is (as its ADMIN or STAFF).' }) organizationId!: string;
  @Field(() => DateScalar, { description: 'Today or later.' }) day!: string;
  @Field(() => [VehicleInput], { description: 'Empty: the organisation’s fleet (its vehicles not retired).' }) vehicles!: VehicleInput[];
}
