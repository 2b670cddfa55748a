import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('GeoPoint', { description: 'A WGS 84 position.' })
export class GeoPointType {
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}

@InputType('GeoPointInput')
export class GeoPointInput {
  @Field(() => Float, { description: 'Between -90 and 90.' }) latitude!: number;
  @Field(() => Float, { description: 'Between -180 and 180.' }) longitude!: number;
}
