import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Category', { description: 'A node of the category taxonomy (food and the non-food goods donors also give).' })
export class CategoryType {
  @Field({ description: 'Stable dotted code, e.g. FOOD.DAIRY.CHEESE.' }) code!: string;
  @Field({ description: 'In the caller’s language (Accept-Language: French or English).' }) label!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
}
