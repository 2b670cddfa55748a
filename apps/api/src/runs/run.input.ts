import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { StopEventKind } from './run.enums';

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

@InputType('StopEventInput', {
  description:
    'In order at each stop: ARRIVED (optional), then one outcome. COLLECTED and DELIVERED need quantityKg (as weighed) and, for chilled or frozen goods, ' +
    'temperatureC (−40 to +60 °C). REFUSED’s note is its reason: CAPACITY, VISUAL_CHECK, HYGIENE, TEMPERATURE (with temperatureC) or OTHER, ' +
    'optionally followed by ": " and details (required for OTHER). A partial refusal at delivery is a DELIVERED whose quantityKg (the kilos the ' +
    'recipient accepted) is below the kilos collected, and whose note is then the reason the rest was refused, written as for REFUSED ' +
    '(SHORTFALL_REASON_REQUIRED without one); a DELIVERED note that starts with a reason is read as one (REFUSAL_WITHOUT_SHORTFALL when nothing ' +
    'is short), any other note is free text. At most STOP_KG_TOLERANCE_PERCENT above the kilos claimed (COLLECTED) or collected (DELIVERED).',
})
export class StopEventInput {
  @Field(() => ID) stopId!: string;
  @Field(() => StopEventKind) kind!: StopEventKind;
  @Field(() => Float, { nullable: true }) quantityKg?: number | null;
  @Field(() => Float, { nullable: true }) temperatureC?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
