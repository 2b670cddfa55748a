import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GeoPointInput } from './geo-point.type';

@InputType('TimeIntervalInput')
export class TimeIntervalInput {
  @Field({ description: 'HH:mm, Paris time.' }) start!: string;
  @Field({ description: 'HH:mm after start; 24:00 for midnight. Split intervals that cross midnight.' }) end!: string;
}

@InputType('OpeningHoursInput')
export class OpeningHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }) weekday!: number;
  @Field(() => [TimeIntervalInput]) intervals!: TimeIntervalInput[];
}

@InputType('ClosureInput')
export class ClosureInput {
  @Field({ description: 'First closed day, YYYY-MM-DD.' }) from!: string;
  @Field({ description: 'Last closed day, YYYY-MM-DD, inclusive.' }) to!: string;
}

@InputType('AddSiteInput')
export class AddSiteInput {
  @Field(() => ID) organizationId!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => GeoPointInput) location!: GeoPointInput;
  @Field(() => [OpeningHoursInput], { nullable: true }) openingHours?: OpeningHoursInput[] | null;
  @Field(() => [ClosureInput], { nullable: true }) closures?: ClosureInput[] | null;
  @Field(() => String, { nullable: true, description: 'For drivers: entrance, loading bay, door code. Private to the organisation.' })
  accessInstructions?: string | null;
}
