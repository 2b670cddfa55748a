import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserProfile } from '#application';

/** A person with an account. Other modules add fields to it (memberships) with @ResolveField on this class. */
@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;

  static from(user: UserProfile): UserType {
    return Object.assign(new UserType(), { id: user.id, email: user.email, displayName: user.displayName });
  }
}
