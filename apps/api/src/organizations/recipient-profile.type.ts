import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { TemperatureClass } from './organization.enums';

@ObjectType('CapacityByTemperature')
export class CapacityByTemperatureType {
  @Field(() => TemperatureClass) temperature!: TemperatureClass;
  @Field(() => Float, { description: 'Free storage, kg.' }) kg!: number;
}

@ObjectType('RecipientProfile', { description: 'What a recipient can take. Readable by its own admins and staff, and platform admins.' })
export class RecipientProfileType {
  @Field(() => [String], { description: 'Category codes; a parent accepts its children.' }) acceptedCategories!: string[];
  @Field(() => [CapacityByTemperatureType], { description: 'Every temperature class, 0 where none was declared.' })
  capacities!: CapacityByTemperatureType[];
  @Field(() => Float) serviceRadiusKm!: number;
  @Field(() => Int, { description: 'Hours a DLC item must have left when taken over: 48 unless it redistributes faster.' })
  dlcMarginHours!: number;
  @Field({ description: 'Declared by recipients that hand goods out within hours; allows a margin under 48 h.' })
  redistributesFaster!: boolean;
  @Field(() => Int, { description: 'People served per week, 0 when not declared; used to share fairly.' })
  peoplePerWeek!: number;
}
