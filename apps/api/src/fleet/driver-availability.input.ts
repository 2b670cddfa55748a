import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { OpeningHoursInput } from '../organizations/add-site.input';

@InputType('SetDriverAvailabilityInput', { description: "The caller's own weekly hours as a driver of the organisation; replaces the previous ones." })
export class SetDriverAvailabilityInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => [OpeningHoursInput], { description: 'Paris wall-clock hours per ISO weekday; an empty list means never available.' })
  weekly!: OpeningHoursInput[];
}

@InputType('AddDriverAbsenceInput', { description: "One of the caller's own absences as a driver of the organisation." })
export class AddDriverAbsenceInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => DateScalar, { description: 'First day away.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day away, inclusive (on or after from, at most 366 days).' }) to!: string;
}
