import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GetCurrentUser, LoginUser, Logout, RefreshSession, RegisterUser } from '#application';
import { Authenticated, Public } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuthPayloadType } from './auth-payload.type';
import { currentActor } from './current-actor';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';
import { UserType } from './user.type';

@Resolver(() => UserType)
export class AccountsResolver {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly loginUser: LoginUser,
    private readonly refreshSession: RefreshSession,
    private readonly logoutUser: Logout,
    private readonly getCurrentUser: GetCurrentUser,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Creates an account and signs it in. Limited per address (RATE_LIMITED, params.retryAfterSeconds).' })
  async register(@Args('input') input: RegisterInput, @Context() context: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(
      await this.registerUser.execute({ email: input.email, password: input.password, displayName: input.displayName, ip: context.clientIp }),
    );
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Signs in. Limited per account and per address (RATE_LIMITED, params.retryAfterSeconds).' })
  async login(@Args('input') input: LoginInput, @Context() context: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await this.loginUser.execute({ email: input.email, password: input.password, ip: context.clientIp }));
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Exchanges a refresh token, once, for a new pair. Reusing one closes its session.' })
  async refreshToken(@Args('token') token: string): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await this.refreshSession.execute(token));
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Closes the session of this refresh token, or every session of the caller when omitted.' })
  async logout(
    @Context() context: GraphQLContext,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<boolean> {
    await this.logoutUser.execute({ actor: currentActor(context), ...(refreshToken != null ? { refreshToken } : {}) });
    return true;
  }

  @Authenticated()
  @Query(() => UserType, { description: 'The caller.' })
  async me(@Context() context: GraphQLContext): Promise<UserType> {
    return UserType.from(await this.getCurrentUser.execute(currentActor(context)));
  }
}
