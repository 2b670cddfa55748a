import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { OpeningDayType } from '../organizations/site.type';

@ObjectType('DriverAbsence', { description: 'Days a driver is away, both inclusive.' })
export class DriverAbsenceType {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@ObjectType('DriverAvailability', { description: 'When a driver can drive for an organisation: weekly hours (Paris time) and absences.' })
export class DriverAvailabilityType {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => [OpeningDayType], { description: 'Weekdays without hours are left out; empty until the driver declares them.' })
  weekly!: OpeningDayType[];
  @Field(() => [DriverAbsenceType], { description: 'Absences that have not ended yet, soonest first.' })
  absences!: DriverAbsenceType[];
  @Field(() => Date, { nullable: true, description: 'When the weekly hours were last set.' }) weeklyUpdatedAt!: Date | null;
}
