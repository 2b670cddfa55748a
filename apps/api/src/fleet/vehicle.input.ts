import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType('AddVehicleInput')
export class AddVehicleInput {
  @Field(() => ID, { description: 'A recipient organisation.' }) organizationId!: string;
  @Field({ description: '1 to 80 characters, one line.' }) name!: string;
  @Field(() => Float, { description: 'Payload in kg: over 0, at most 25 000.' }) capacityKg!: number;
  @Field() refrigerated!: boolean;
  @Field(() => Int, { defaultValue: 0, description: 'Insulated boxes on board, 0 to 100.' }) insulatedBoxes!: number;
  @Field(() => Int, { nullable: true, description: 'Longest time chilled goods may stay in one of the boxes, 1 to 720 minutes.' })
  insulatedBoxMaxMinutes?: number | null;
}

@InputType('UpdateVehicleInput', { description: 'Only the fields given change; insulatedBoxMaxMinutes: null clears it.' })
export class UpdateVehicleInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Float, { nullable: true }) capacityKg?: number | null;
  @Field(() => Boolean, { nullable: true }) refrigerated?: boolean | null;
  @Field(() => Int, { nullable: true }) insulatedBoxes?: number | null;
  @Field(() => Int, { nullable: true }) insulatedBoxMaxMinutes?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true retires the vehicle, false puts it back in service.' }) retired?: boolean | null;
}
