import { Field, ObjectType } from '@nestjs/graphql';
import type { Session } from '#application';
import { UserType } from './user.type';

@ObjectType('AuthPayload', {
  description: 'A signed-in session: send accessToken as "Authorization: Bearer <token>"; exchange refreshToken (once) with refreshToken.',
})
export class AuthPayloadType {
  @Field({ description: 'A JWT valid for a few minutes.' }) accessToken!: string;
  @Field({ description: 'When accessToken expires: refresh a little before.' }) accessTokenExpiresAt!: Date;
  @Field({ description: 'Opaque, single use: each refresh returns a new one. Keep it secret; never send it anywhere else.' }) refreshToken!: string;
  @Field(() => UserType) user!: UserType;

  static from(session: Session): AuthPayloadType {
    return Object.assign(new AuthPayloadType(), {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: session.refreshToken,
      user: UserType.signedIn(session.user),
    });
  }
}
