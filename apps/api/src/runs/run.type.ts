import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RunAudience } from '#application';
import type { UnservedPickupReason } from '#application';
import { UserType } from '../accounts/user.type';
import { DateScalar } from '../graphql/date.scalar';
import { RefusalReason } from '../offers/offer.enums';
import { ClaimType } from '../offers/offer.type';
import { TemperatureClass } from '../organizations/organization.enums';
import { RunStatus, StopEventKind, StopKind, UnservedReason } from './run.enums';

@ObjectType('LoadByTemperature', { description: 'Kilos of one temperature class.' })
export class LoadByTemperatureType {
  @Field(() => TemperatureClass) temperature!: TemperatureClass;
  @Field(() => Float) kg!: number;
}

@ObjectType('StopEvent')
export class StopEventType {
  @Field(() => StopEventKind) kind!: StopEventKind;
  @Field() at!: Date;
  @Field(() => Float, { nullable: true, description: 'Kilos weighed: collected, or accepted at delivery.' }) quantityKg!: number | null;
  @Field(() => Float, { nullable: true }) temperatureC!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Kilos refused here: all the stop’s goods for REFUSED (as collected, or as claimed at a collection), the rest of what was collected for a ' +
      'DELIVERED below it (a partial refusal).',
  })
  refusedKg!: number | null;
  @Field(() => RefusalReason, { nullable: true, description: 'Why, when refusedKg is given.' }) refusalReason!: RefusalReason | null;
  @Field({ description: 'The reading is warmer than the goods’ cold-chain limit (+4 °C very perishable, +8 °C perishable, −18 °C frozen).' })
  temperatureOutOfLimit!: boolean;
}

/** `site`, `claim` and `accessInstructions` are resolved by PickupStopFieldsResolver. */
@ObjectType('PickupStop')
export class PickupStopType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 for the first stop.' }) sequence!: number;
  @Field(() => StopKind) kind!: StopKind;
  @Field({ description: 'When the driver is expected there.' }) plannedArrival!: Date;
  @Field({ description: 'When the driver should leave again.' }) plannedDeparture!: Date;
  @Field({ description: 'The collection window (the offer’s) or the delivery window (the recipient’s receiving hours).' }) windowStart!: Date;
  @Field() windowEnd!: Date;
  @Field(() => Float, { description: 'Kilos collected or delivered here.' }) loadKg!: number;
  @Field(() => [LoadByTemperatureType], { description: 'The same kilos per temperature class (classes without goods left out).' })
  loadByTemperature!: LoadByTemperatureType[];
  @Field(() => [StopEventType], { description: 'What was recorded here, in order.' }) events!: StopEventType[];
  @Field({ description: 'A temperature read here was out of the goods’ cold-chain limit: they may be refused.' }) temperatureOutOfLimit!: boolean;
  @Field({ description: 'Its outcome is recorded (or, for a delivery, its collection did not happen: nothing to deliver).' }) done!: boolean;
  organizationId!: string;
  siteId!: string;
  claimId!: string;
}

/** `organization`, `driver` and the stops' fields are resolved by field resolvers. */
@ObjectType('PickupRun', { description: 'One vehicle, at most one driver, ordered stops on one day of a recipient.' })
export class PickupRunType {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => RunStatus) status!: RunStatus;
  @Field() refrigerated!: boolean;
  @Field(() => Float) capacityKg!: number;
  @Field(() => Float) distanceKm!: number;
  @Field({ description: 'When the vehicle leaves the recipient’s site.' }) plannedStart!: Date;
  @Field({ description: 'When it is back there, everything delivered.' }) plannedEnd!: Date;
  @Field(() => [PickupStopType], { description: 'In order. A donor sees only the stops at its own sites.' }) stops!: PickupStopType[];
  @Field(() => UserType, { nullable: true, description: 'For the recipient’s members; null while open, and for donors.' })
  driver!: UserType | null;
  organizationId!: string;
  audience!: RunAudience;
}

@ObjectType('UnservedPickup', { description: 'A pickup the day’s last planning put in no run.' })
export class UnservedPickupType {
  @Field(() => UnservedReason) reason!: UnservedPickupReason;
  claimId!: string;
}

export { ClaimType };
