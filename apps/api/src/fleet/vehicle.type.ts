import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Vehicle', { description: "A recipient's vehicle: what it can carry on a run." })
export class VehicleType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field() name!: string;
  @Field(() => Float, { description: 'Payload in kg (over 0, at most 25 000).' }) capacityKg!: number;
  @Field({ description: 'A refrigerated body carries CHILLED and FROZEN goods for the whole run.' }) refrigerated!: boolean;
  @Field(() => Int) insulatedBoxes!: number;
  @Field(() => Int, { nullable: true, description: 'How long chilled goods may stay in an insulated box, in minutes; null when not declared.' })
  insulatedBoxMaxMinutes!: number | null;
  @Field({ description: 'A retired vehicle is kept for past runs but no longer planned.' }) retired!: boolean;
  @Field(() => Date, { nullable: true }) retiredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
