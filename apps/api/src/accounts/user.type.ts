import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserProfile } from '#application';

/** A person with an account. Other modules add fields to it (memberships) with @ResolveField on this class. */
@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'The person proved they own the address (the e-mailed link); until then the account can do nothing else.' })
  emailVerified!: boolean;
  /**
   * Not in the schema: true when this is the person who just signed in (register, login,
   * refreshToken). Those operations carry no access token yet, so the caller is known only here.
   */
  signedInAs = false;

  static from(user: UserProfile): UserType {
    return Object.assign(new UserType(), { id: user.id, email: user.email, displayName: user.displayName, emailVerified: user.emailVerifiedAt !== null });
  }

  static signedIn(user: UserProfile): UserType {
    return Object.assign(UserType.from(user), { signedInAs: true });
  }
}
