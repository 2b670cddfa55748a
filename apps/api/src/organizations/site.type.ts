import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GeoPointType } from './geo-point.type';

@ObjectType('TimeInterval', { description: 'Paris wall-clock times, HH:mm; end after start, 24:00 for midnight.' })
export class TimeIntervalType {
  @Field() start!: string;
  @Field() end!: string;
}

@ObjectType('OpeningDay', { description: 'When a site receives or hands over goods on one weekday.' })
export class OpeningDayType {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }) weekday!: number;
  @Field(() => [TimeIntervalType]) intervals!: TimeIntervalType[];
}

@ObjectType('ClosurePeriod', { description: 'Days the site is closed (holidays, summer), both inclusive.' })
export class ClosurePeriodType {
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD' }) to!: string;
}

@ObjectType('Site', { description: 'A place goods are collected from (donor) or delivered to (recipient).' })
export class SiteType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => GeoPointType) location!: GeoPointType;
  @Field(() => [OpeningDayType], { description: 'Receiving or collection hours; weekdays without hours are left out.' })
  openingHours!: OpeningDayType[];
  @Field(() => [ClosurePeriodType]) closures!: ClosurePeriodType[];
  /** Resolved by SiteFieldsResolver: private to the organisation. */
  accessInstructions!: string | null;
  organizationId!: string;
}
