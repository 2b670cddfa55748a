import { Field, ObjectType } from '@nestjs/graphql';

/** Shared by every connection (contract: `type PageInfo { hasNextPage: Boolean! endCursor: String }`). */
@ObjectType('PageInfo')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
